package com.cruddur.common.error;

/** The codes every service may answer with; a service's own codes live next to the code that raises them. */
public final class ErrorCodes {
    /** Codes the Cruddur React frontend already has a text for. */
    public static final String UNAUTHENTICATED = "generic_401";

    public static final String FORBIDDEN = "generic_403";
    public static final String SERVER_ERROR = "generic_500";

    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String JSON_MALFORMED = "json_malformed";
    public static final String BODY_TOO_LARGE = "body_too_large";
    public static final String URI_TOO_LONG = "uri_too_long";
    public static final String URI_INVALID = "uri_invalid";
    public static final String HEADERS_TOO_LARGE = "headers_too_large";
    public static final String ORIGIN_NOT_ALLOWED = "origin_not_allowed";
    public static final String BAD_REQUEST = "bad_request";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    private ErrorCodes() {}
}
