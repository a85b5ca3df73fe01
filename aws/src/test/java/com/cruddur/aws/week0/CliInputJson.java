package com.cruddur.aws.week0;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads a JSON document the way the AWS CLI reads {@code --cli-input-json} and {@code file://} arguments, against the
 * AWS SDK v2 model of one shape, and builds the SDK object from it.
 *
 * <p>The model is the SDK's own metadata ({@link SdkPojo#sdkFields()}), so nothing here repeats an AWS API by hand:
 * <ul>
 *   <li>every field name must be a member of its shape. The CLI's JSON uses the service model's member names
 *       ({@link SdkField#memberName()}), not the wire's location names, which differ for some protocols (EC2's query
 *       protocol writes {@code DryRun} as {@code dryRun}); for Budgets and CloudWatch the two are the same;</li>
 *   <li>every value must have the member's JSON type, by {@link SdkField#marshallingType()};</li>
 *   <li>every string of an enum member (found from the model getter's return type, e.g. {@code TimeUnit timeUnit()}
 *       or {@code List<Metric> metrics()}) must be a value this SDK knows;</li>
 *   <li>a member the SDK marks {@link Deprecated} is refused: the files use the current API only.</li>
 * </ul>
 * The SDK model carries no "required" trait for these services, so required members are checked by the callers'
 * business rules on the built object.
 */
final class CliInputJson {

    enum Kind {
        UNKNOWN_FIELD,
        WRONG_TYPE,
        UNKNOWN_ENUM_VALUE,
        DEPRECATED_FIELD,
        NULL_VALUE
    }

    /** One reason the CLI (or the service) would refuse the document, at a JSON path like {@code $.Metrics[0].Id}. */
    record Problem(Kind kind, String path, String detail) {
        @Override
        public String toString() {
            return path + ": " + kind + " (" + detail + ")";
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    private CliInputJson() {}

    /** Every problem of {@code document} read as {@code shape} (e.g. {@code PutMetricAlarmRequest.class}); empty if none. */
    static List<Problem> problems(JsonNode document, Class<? extends SdkPojo> shape) {
        CliInputJson reader = new CliInputJson();
        reader.readStructure(document, shape, builderOf(shape), "$");
        return List.copyOf(reader.problems);
    }

    /** The SDK object {@code document} describes; refuses a document with any problem, listing them all. */
    static <T extends SdkPojo> T read(JsonNode document, Class<T> shape) {
        CliInputJson reader = new CliInputJson();
        Object built = reader.readStructure(document, shape, builderOf(shape), "$");
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid " + shape.getSimpleName() + ": " + reader.problems);
        }
        return shape.cast(built);
    }

    private Object readStructure(JsonNode node, Class<?> modelClass, Supplier<SdkPojo> newBuilder, String path) {
        if (!node.isObject()) {
            return wrongType(path, "an object (" + modelClass.getSimpleName() + ")", node);
        }
        SdkPojo builder = newBuilder.get();
        Map<String, SdkField<?>> members = new LinkedHashMap<>();
        builder.sdkFields().forEach(field -> members.put(field.memberName(), field));
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            String at = path + "." + name;
            SdkField<?> field = members.get(name);
            if (field == null) {
                problems.add(new Problem(
                        Kind.UNKNOWN_FIELD,
                        at,
                        modelClass.getSimpleName() + " has " + new TreeSet<>(members.keySet())));
                continue;
            }
            Method getter = getter(modelClass, name);
            if (getter.isAnnotationPresent(Deprecated.class)) {
                problems.add(new Problem(
                        Kind.DEPRECATED_FIELD,
                        at,
                        modelClass.getSimpleName() + "." + getter.getName() + "() is deprecated in the SDK model"));
                continue;
            }
            Object value = readValue(property.getValue(), field, getter.getGenericReturnType(), at);
            if (value != null) {
                field.set(builder, value);
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /**
     * The value of one member, or null after recording a problem. {@code javaType} is the model getter's type, which
     * names the enum (if any) and the element types of lists and maps.
     */
    private Object readValue(JsonNode node, SdkField<?> field, Type javaType, String path) {
        if (node.isNull()) {
            problems.add(new Problem(Kind.NULL_VALUE, path, "the CLI refuses null; leave the member out"));
            return null;
        }
        return switch (field.marshallingType().getKnownType()) {
            case STRING ->
                node.isTextual() ? enumChecked(node.textValue(), javaType, path) : wrongType(path, "a string", node);
            case INTEGER ->
                node.isIntegralNumber() && node.canConvertToInt()
                        ? node.intValue()
                        : wrongType(path, "an integer (32 bits)", node);
            case LONG ->
                node.isIntegralNumber() && node.canConvertToLong()
                        ? node.longValue()
                        : wrongType(path, "an integer (64 bits)", node);
            case SHORT ->
                isIntegralIn(node, Short.MIN_VALUE, Short.MAX_VALUE)
                        ? (short) node.intValue()
                        : wrongType(path, "an integer (16 bits)", node);
            case BYTE ->
                isIntegralIn(node, Byte.MIN_VALUE, Byte.MAX_VALUE)
                        ? (byte) node.intValue()
                        : wrongType(path, "an integer (8 bits)", node);
            case FLOAT -> node.isNumber() ? node.floatValue() : wrongType(path, "a number", node);
            case DOUBLE -> node.isNumber() ? node.doubleValue() : wrongType(path, "a number", node);
            // The SDK sends BigDecimal members as JSON strings, and the CLI's model types them as strings
            // (e.g. a budget's "Amount": "10"), so a JSON number is refused like the CLI refuses it.
            case BIG_DECIMAL ->
                node.isTextual() && isDecimal(node.textValue())
                        ? new BigDecimal(node.textValue())
                        : wrongType(path, "a decimal number written as a string", node);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : wrongType(path, "true or false", node);
            case INSTANT -> instant(node, path);
            case SDK_BYTES -> bytes(node, path);
            case SDK_POJO -> readStructure(node, (Class<?>) javaType, field.constructor(), path);
            case LIST -> readList(node, field, javaType, path);
            case MAP -> readMap(node, field, javaType, path);
            default ->
                throw new IllegalStateException(path + ": members of type " + field.marshallingType()
                        + " are not read here (none of the week-0 shapes has one)");
        };
    }

    private List<Object> readList(JsonNode node, SdkField<?> field, Type javaType, String path) {
        if (!node.isArray()) {
            wrongType(path, "an array", node);
            return null;
        }
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        Type elementType = typeArgument(javaType, 0);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Object value = readValue(node.get(i), member, elementType, path + "[" + i + "]");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private Map<String, Object> readMap(JsonNode node, SdkField<?> field, Type javaType, String path) {
        if (!node.isObject()) {
            wrongType(path, "an object (a map)", node);
            return null;
        }
        SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
        Type keyType = typeArgument(javaType, 0);
        Type valueType = typeArgument(javaType, 1);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String at = path + "." + entry.getKey();
            enumChecked(entry.getKey(), keyType, at);
            Object value = readValue(entry.getValue(), valueField, valueType, at);
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

    /** The text, after checking it is a known value when the member is an SDK enum. */
    private String enumChecked(String text, Type javaType, String path) {
        if (!(javaType instanceof Class<?> type) || !type.isEnum()) {
            return text;
        }
        Object value = invokeStatic(type, "fromValue", text);
        if (value == null || "UNKNOWN_TO_SDK_VERSION".equals(((Enum<?>) value).name())) {
            Object known = invokeStatic(type, "knownValues");
            problems.add(new Problem(
                    Kind.UNKNOWN_ENUM_VALUE,
                    path,
                    '"' + text + "\" is not a " + type.getSimpleName() + "; known: "
                            + new TreeSet<>(((Set<?>) known)
                                    .stream().map(Object::toString).toList())));
        }
        return text;
    }

    /** Epoch seconds (the JSON protocols' default timestamp format) or an ISO-8601 date-time, as the CLI accepts. */
    private Instant instant(JsonNode node, String path) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            long whole = seconds.longValue();
            return Instant.ofEpochSecond(
                    whole,
                    seconds.subtract(BigDecimal.valueOf(whole))
                            .movePointRight(9)
                            .longValue());
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.textValue()).toInstant();
            } catch (DateTimeParseException notIso) {
                // reported below
            }
        }
        wrongType(path, "epoch seconds or an ISO-8601 date-time with an offset", node);
        return null;
    }

    private SdkBytes bytes(JsonNode node, String path) {
        if (node.isTextual()) {
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
            } catch (IllegalArgumentException notBase64) {
                // reported below
            }
        }
        wrongType(path, "base64 text", node);
        return null;
    }

    private Object wrongType(String path, String expected, JsonNode found) {
        problems.add(new Problem(
                Kind.WRONG_TYPE, path, "expected " + expected + ", found " + found.getNodeType() + " " + found));
        return null;
    }

    private static boolean isIntegralIn(JsonNode node, int min, int max) {
        return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= min && node.intValue() <= max;
    }

    private static boolean isDecimal(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException notDecimal) {
            return false;
        }
    }

    /**
     * The model class's getter of a member. The SDK names it after the member in lower camel case ({@code OKActions}
     * becomes {@code okActions()}); a member whose getter cannot be found fails loudly, so an enum is never skipped.
     */
    private static Method getter(Class<?> modelClass, String memberName) {
        List<Method> candidates = Arrays.stream(modelClass.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getName().equalsIgnoreCase(memberName))
                .toList();
        if (candidates.size() != 1) {
            throw new IllegalStateException("cannot tell the getter of member " + memberName + " in "
                    + modelClass.getName() + ": " + candidates);
        }
        return candidates.get(0);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("expected a generic list or map type, found " + type);
    }

    private static Supplier<SdkPojo> builderOf(Class<?> shape) {
        return () -> (SdkPojo) invokeStatic(shape, "builder");
    }

    private static Object invokeStatic(Class<?> type, String method, Object... arguments) {
        try {
            Class<?>[] parameterTypes =
                    Arrays.stream(arguments).map(Object::getClass).toArray(Class<?>[]::new);
            return type.getMethod(method, parameterTypes).invoke(null, arguments);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + " has no usable static " + method + "()", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + "." + method + "() failed", e.getCause());
        }
    }

    /** The problems, one a line, for assertion messages. */
    static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
