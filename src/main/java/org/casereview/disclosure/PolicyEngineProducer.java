package org.casereview.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Optional;
import org.casereview.policy.PolicyEngine;
import org.casereview.policy.pack.PolicyPackLoader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the policy pack once at start: the shipped default, or the operator's own file from {@code
 * mdt.policy.pack-path}. A pack that fails validation stops the service from starting.
 */
@ApplicationScoped
public class PolicyEngineProducer {

  private static final Logger LOG = Logger.getLogger(PolicyEngineProducer.class);

  @Produces
  @ApplicationScoped
  PolicyEngine engine(@ConfigProperty(name = "mdt.policy.pack-path") Optional<String> packPath) {
    PolicyEngine engine =
        new PolicyEngine(
            packPath
                .map(p -> PolicyPackLoader.load(Path.of(p)))
                .orElseGet(PolicyPackLoader::loadDefault));
    LOG.infof("Policy pack %s loaded (%s)", engine.packVersion(), packPath.orElse("default"));
    return engine;
  }
}
