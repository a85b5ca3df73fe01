package com.cruddur.activities.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole tokens a crud is found by: its words, {@code #hashtags} and {@code @handles}, lower-cased. A hashtag or
 * mention is also found by its bare word ({@code #aws} by "aws").
 */
public final class SearchTokens {

    private static final Pattern TOKEN = Pattern.compile("[#@]?[\\p{L}\\p{N}_]+");
    private static final int MAX_TOKENS = 64;
    private static final int MAX_TOKEN_LENGTH = 100;

    private SearchTokens() {}

    public static Set<String> of(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find() && tokens.size() < MAX_TOKENS) {
            String token = matcher.group();
            if (token.length() > MAX_TOKEN_LENGTH) {
                continue;
            }
            tokens.add(token);
            if (token.charAt(0) == '#' || token.charAt(0) == '@') {
                if (token.length() > 1) {
                    tokens.add(token.substring(1));
                }
            }
        }
        tokens.remove("#");
        tokens.remove("@");
        return tokens;
    }

    /** The {@code @handles} a text mentions, without the {@code @}. */
    public static Set<String> mentions(String text) {
        Set<String> handles = new LinkedHashSet<>();
        for (String token : of(text)) {
            if (token.startsWith("@")) {
                handles.add(token.substring(1));
            }
        }
        return handles;
    }
}
