package ca.eeradar.deploy.manifest;

/**
 * One problem in the deployment files: the file it comes from (relative to the repository root), the
 * resource in it, and what is wrong, so a CI log points straight at the line to fix.
 */
public record Finding(String file, String resource, String problem) {

    public static Finding of(Manifest manifest, String problem) {
        return new Finding(manifest.origin(), manifest.describe(), problem);
    }

    @Override
    public String toString() {
        return file + ": " + resource + ": " + problem;
    }
}
