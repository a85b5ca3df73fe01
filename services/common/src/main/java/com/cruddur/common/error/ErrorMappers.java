package com.cruddur.common.error;

import com.cruddur.common.auth.Caller;
import com.cruddur.common.telemetry.ErrorReporter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one error format: every failure becomes a JSON array of codes. Failures the caller caused are 4xx with a code
 * that says what to fix; anything else is 500 {@code ["generic_500"]}, logged here and never shown to the caller.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    ErrorReporter reporter;

    @Inject
    Instance<Caller> caller;

    @Inject
    Outages outages;

    public static Response body(int status, List<String> codes) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(codes)
                .build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request, SimpleResourceInfo resource) {
        if (e.status() == 503) {
            return unavailable("another service", e, request, resource);
        }
        return body(e.status(), e.codes());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return body(401, List.of(ErrorCodes.UNAUTHENTICATED));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return body(403, List.of(ErrorCodes.FORBIDDEN));
    }

    /** Wrong types (a number where a string belongs) name the field: {@code ["display_name_invalid"]}. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e) {
        String field = fieldOf(e);
        return field == null ? body(400, List.of(ErrorCodes.JSON_MALFORMED)) : body(422, List.of(field + "_invalid"));
    }

    @ServerExceptionMapper(priority = 2)
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid && fieldOf(invalid) != null) {
            return body(422, List.of(fieldOf(invalid) + "_invalid"));
        }
        return body(400, List.of(ErrorCodes.JSON_MALFORMED));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request, SimpleResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, request, resource);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? wrongType(mismatch) : malformedJson(json);
        }
        return body(status, List.of(codeFor(status)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request, SimpleResourceInfo resource) {
        Optional<String> dependency = Outages.unavailableDependency(e);
        if (dependency.isPresent()) {
            return unavailable(dependency.get(), e, request, resource);
        }
        return serverError(e, request, resource);
    }

    /** A dependency is away: 503 with {@code Retry-After}, told once per burst (see {@link Outages}). */
    private Response unavailable(
            String dependency, Throwable e, HttpServerRequest request, SimpleResourceInfo resource) {
        outages.record(
                dependency,
                e,
                new ErrorReporter.Failure(request.method().name(), route(request, resource), 503, callerSub()));
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", Outages.RETRY_AFTER_SECONDS)
                .entity(List.of(ErrorCodes.SERVICE_UNAVAILABLE))
                .build();
    }

    private Optional<String> callerSub() {
        if (caller.isResolvable()) {
            try {
                return caller.get().optionalSub();
            } catch (RuntimeException unknown) {
                // the failure may come before the identity can be known
            }
        }
        return Optional.empty();
    }

    /** Logged, reported to Rollbar once, and answered without any detail. */
    private Response serverError(Throwable e, HttpServerRequest request, SimpleResourceInfo resource) {
        LOG.error("request failed", e);
        reporter.report(
                e, new ErrorReporter.Failure(request.method().name(), route(request, resource), 500, callerSub()));
        return body(500, List.of(ErrorCodes.SERVER_ERROR));
    }

    /** The route template ({@code /api/users/@{handle}/short}), never the path with its values. */
    private static String route(HttpServerRequest request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return request.path();
        }
        jakarta.ws.rs.Path type = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        String route = type == null ? "" : type.value();
        try {
            jakarta.ws.rs.Path method = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getAnnotation(jakarta.ws.rs.Path.class);
            if (method != null) {
                route = route + "/" + method.value();
            }
        } catch (NoSuchMethodException e) {
            // the class's path alone
        }
        return route.replaceAll("/+", "/");
    }

    public static String codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCodes.UNAUTHENTICATED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 413 -> ErrorCodes.BODY_TOO_LARGE;
            case 414 -> ErrorCodes.URI_TOO_LONG;
            case 431 -> ErrorCodes.HEADERS_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 502, 503, 504 -> ErrorCodes.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCodes.SERVER_ERROR : ErrorCodes.BAD_REQUEST;
        };
    }

    private static String fieldOf(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return null;
        }
        return path.get(0).getFieldName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
