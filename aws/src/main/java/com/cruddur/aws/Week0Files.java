package com.cruddur.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The week-0 guardrail files of {@code aws/json} (docs/week0-guardrails.md), which the build puts on the classpath
 * under {@code week0/}: the one source of truth of the billing alarm and the budget's notifications, read by
 * {@link GuardrailsStack} so that the stack and the AWS CLI commands cannot drift apart.
 */
public final class Week0Files {

    /** The alarm's members that name or address one deployment; every other member is the guardrail itself. */
    public static final Set<String> ALARM_PER_DEPLOYMENT =
            Set.of("AlarmName", "AlarmDescription", "AlarmActions", "Threshold");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Week0Files() {}

    /**
     * The members of {@code alarm_config.json} (a PutMetricAlarm request; CloudFormation's {@code
     * AWS::CloudWatch::Alarm} has the same property names), without those of {@link #ALARM_PER_DEPLOYMENT}.
     */
    public static Map<String, Object> alarm() {
        Map<String, Object> alarm = new LinkedHashMap<>(read("alarm_config.json", new TypeReference<>() {}));
        alarm.keySet().removeAll(ALARM_PER_DEPLOYMENT);
        return alarm;
    }

    /** The {@code Notification} of each entry of {@code budget-notifications-with-subscribers.json}. */
    public static List<Map<String, Object>> budgetNotifications() {
        List<Map<String, Object>> entries =
                read("budget-notifications-with-subscribers.json", new TypeReference<>() {});
        return entries.stream()
                .map(entry -> notification(entry.get("Notification")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notification(Object member) {
        return (Map<String, Object>) member;
    }

    private static <T> T read(String name, TypeReference<T> type) {
        try (InputStream file = Week0Files.class.getResourceAsStream("/week0/" + name)) {
            if (file == null) {
                throw new IllegalStateException(
                        "week0/" + name + " is not on the classpath (aws/json, see aws/pom.xml)");
            }
            return JSON.readValue(file, type);
        } catch (IOException e) {
            throw new UncheckedIOException("week0/" + name + " is not readable", e);
        }
    }
}
