package com.cruddur.users.rest;

import com.cruddur.common.error.ErrorCodes;
import com.cruddur.contract.RoutingTable;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browsable API switched off (CRUDDUR_API_DOCS, the default): its paths answer the JSON 404 of any unknown path,
 * where Quarkus's disabled handlers would answer 404 with an empty body.
 */
@ApplicationScoped
public class ApiDocs {

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.smallrye-openapi.enable") boolean openApi,
            @ConfigProperty(name = "quarkus.swagger-ui.enable") boolean swaggerUi) {
        if (openApi || swaggerUi) {
            return;
        }
        for (String pattern : RoutingTable.API_DOCS_PATTERNS) {
            router.route(pattern)
                    .order(-1)
                    .handler(ctx -> ctx.response()
                            .setStatusCode(404)
                            .putHeader("Content-Type", "application/json")
                            .end("[\"" + ErrorCodes.NOT_FOUND + "\"]"));
        }
    }
}
