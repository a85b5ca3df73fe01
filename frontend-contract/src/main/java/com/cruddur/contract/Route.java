package com.cruddur.contract;

import java.util.regex.Pattern;

/**
 * One rule of the routing table: a load-balancer style path pattern and the service that owns it.
 * In the pattern, {@code *} matches any run of characters, '/' included, exactly as an AWS Application
 * Load Balancer path condition does, so the edge and the load balancer route every path the same way.
 */
public record Route(String pattern, String service) {

    public boolean matches(String path) {
        return regex().matcher(path).matches();
    }

    /** The number of literal characters: the more of them, the more specific the rule. */
    int literalLength() {
        return pattern.replace("*", "").length();
    }

    boolean hasWildcard() {
        return pattern.indexOf('*') >= 0;
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }
}
