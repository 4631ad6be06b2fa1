package ca.eeradar.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts the infrastructure, writes the pids of its processes, then waits to be killed. */
public final class InfraHolderMain {
    public static void main(String[] args) throws Exception {
        LocalInfra infra = LocalInfra.shared();
        String postmaster = Files.readAllLines(infra.root().resolve("postgres/data/postmaster.pid"))
                .get(0)
                .trim();
        Files.write(
                Path.of(args[0]),
                List.of(
                        String.valueOf(infra.kafka().orElseThrow().pid()),
                        String.valueOf(infra.postgres().orElseThrow().pid()),
                        postmaster));
        Thread.currentThread().join();
    }
}
