package ca.eeradar.deploy.check;

import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import ca.eeradar.deploy.model.StrictModels;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;

/** Every check on a set of manifests: strict typed models first, then the invariants on the typed ones. */
public final class DeployValidation {
    private final ConfigCatalog catalog;
    private final StrictModels models = new StrictModels();

    public DeployValidation(ConfigCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Finding> validate(List<Manifest> manifests, Scope scope) {
        List<Finding> findings = new ArrayList<>();
        List<StrictModels.Typed> typed = new ArrayList<>();
        for (Manifest manifest : manifests) {
            StrictModels.Typed t = models.read(manifest);
            findings.addAll(t.findings());
            if (t.resource() != null) {
                typed.add(t);
            }
        }
        Rendered rendered = new Rendered(typed);
        WorkloadChecks workloads = new WorkloadChecks(catalog, rendered, scope, findings);
        rendered.all(Deployment.class).forEach(workloads::check);
        new KafkaChecks(rendered, scope, findings).check();
        new ClusterChecks(rendered, scope, findings).check();
        new NetworkChecks(rendered, findings).check();
        return findings;
    }
}
