package com.cruddur.common.cache;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.auth.MomentoLocalProvider;
import org.jboss.logging.Logger;

/** Builds the cache the configuration asks for. */
@ApplicationScoped
public class CacheProducer {

    private static final Logger LOG = Logger.getLogger(CacheProducer.class);

    @Produces
    @Singleton
    Cache cache(CacheConfig config, MeterRegistry registry) {
        CacheConfig.Type type = config.type();
        LOG.infof("cache: %s", type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return switch (type) {
            case OFF -> new NoCache();
            case IN_PROCESS -> new InProcessCache(config.maxWeight(), new CacheMetrics(registry, "in-process"));
            case MOMENTO ->
                new MomentoCache(
                        credentials(config.momento()),
                        config.momento().cacheName(),
                        config.timeout(),
                        new CacheMetrics(registry, "momento"));
        };
    }

    private static CredentialProvider credentials(CacheConfig.Momento momento) {
        if (momento.localEndpoint().isPresent()) {
            String[] hostPort = momento.localEndpoint().get().split(":", 2);
            return new MomentoLocalProvider(hostPort[0], Integer.parseInt(hostPort[1]));
        }
        String key = momento.apiKey()
                .orElseThrow(() -> new IllegalStateException(
                        "cruddur.cache.type=momento needs MOMENTO_API_KEY (or cruddur.cache.momento.local-endpoint)"));
        return CredentialProvider.fromString(key);
    }

    void close(@Disposes Cache cache) throws Exception {
        if (cache instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
