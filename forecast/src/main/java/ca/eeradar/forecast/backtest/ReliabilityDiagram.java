package ca.eeradar.forecast.backtest;

import ca.eeradar.forecast.Horizon;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Predicted probability against observed frequency per bin, one series per horizon, drawn with plain Java2D. */
final class ReliabilityDiagram {
    private static final int SIZE = 640;
    private static final int MARGIN = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private ReliabilityDiagram() {}

    /** @param bins per horizon, per bin {mean prediction, observed frequency, count} ({@link Metrics#reliability}) */
    static void write(Map<Horizon, double[][]> bins, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        int plot = SIZE - 2 * MARGIN;
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 10; i++) {
            g.drawLine(x(i / 10.0), y(0), x(i / 10.0), y(1));
            g.drawLine(x(0), y(i / 10.0), x(1), y(i / 10.0));
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
        g.drawLine(x(0), y(0), x(1), y(1));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(MARGIN, MARGIN, plot, plot);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 10; i += 2) {
            String label = String.format("%.1f", i / 10.0);
            g.drawString(label, x(i / 10.0) - 8, y(0) + 18);
            g.drawString(label, MARGIN - 30, y(i / 10.0) + 4);
        }
        g.drawString("predicted probability (mean per bin)", MARGIN + plot / 2 - 100, SIZE - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("observed frequency", -(MARGIN + plot / 2 + 55), 22);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Invitation forecast: reliability (walk-forward backtest)", MARGIN, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(subtitle, MARGIN, 50);
        int series = 0;
        for (Horizon h : Horizon.values()) {
            Color color = COLORS[series];
            g.setColor(color);
            g.setStroke(new BasicStroke(2));
            int px = -1;
            int py = -1;
            for (double[] bin : bins.get(h)) {
                if (bin[2] == 0) {
                    continue;
                }
                int cx = x(bin[0]);
                int cy = y(bin[1]);
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                g.fillOval(cx - 4, cy - 4, 8, 8);
                px = cx;
                py = cy;
            }
            g.fillRect(MARGIN + 15, MARGIN + 15 + 20 * series, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString("H = " + h.days + " days", MARGIN + 35, MARGIN + 25 + 20 * series);
            series++;
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static int x(double p) {
        return MARGIN + (int) Math.round(p * (SIZE - 2 * MARGIN));
    }

    private static int y(double p) {
        return SIZE - MARGIN - (int) Math.round(p * (SIZE - 2 * MARGIN));
    }
}
