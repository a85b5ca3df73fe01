package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * cdk.json sets the feature flags the CDK recommends for the aws-cdk-lib version the build uses, as {@code cdk init}
 * would for a new project; after an upgrade of aws-cdk-lib this fails until the new flags are added (or a reason to
 * keep an old behaviour is written down here).
 */
class FeatureFlagsTest {

    private static final String RECOMMENDED = "package/recommended-feature-flags.json";
    /** Recommended flags cdk.json sets otherwise, and why. */
    static final Map<String, Object> KEPT = Map.of(
            // on, an error annotation of one stack (CruddurApp without an image tag) fails the whole synthesis, so
            // `cdk deploy CruddurRegistry` (step 5 of aws/README.md, before any image exists) would be refused
            "@aws-cdk/core:annotationsInValidationReport", false);

    @Test
    void cdkJsonSetsEveryRecommendedFlagOfTheAwsCdkLibInUse() throws Exception {
        Map<String, Object> recommended = new TreeMap<>(
                new ObjectMapper().readValue(recommendedFlags(), new TypeReference<Map<String, Object>>() {}));
        assertTrue(recommended.size() > 50, "recommended flags: " + recommended.keySet());

        recommended.putAll(KEPT);
        Map<String, Object> context = new TreeMap<>(CdkJson.context());
        assertEquals(recommended, context);
    }

    /** aws-cdk-lib's npm package (in the jar as the jsii bundle) ships the list as recommended-feature-flags.json. */
    private static byte[] recommendedFlags() throws IOException, java.net.URISyntaxException {
        Path jar = Path.of(
                App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry bundle = file.stream()
                    .filter(entry -> entry.getName().startsWith("software/amazon/awscdk/aws-cdk-lib@")
                            && entry.getName().endsWith(".jsii.tgz"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no jsii bundle in " + jar));
            try (InputStream tar = new GZIPInputStream(file.getInputStream(bundle), 1 << 16)) {
                return tarEntry(tar, RECOMMENDED);
            }
        }
    }

    /** The content of the entry called {@code name} in a tar stream (ustar headers of 512 bytes). */
    private static byte[] tarEntry(InputStream tar, String name) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String prefix = field(header, 345, 155);
            String entry = (prefix.isEmpty() ? "" : prefix + "/") + field(header, 0, 100);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            if (entry.equals(name)) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                content.write(tar.readNBytes((int) size));
                return content.toByteArray();
            }
            tar.skipNBytes((size + 511) / 512 * 512);
        }
        throw new AssertionError(name + " is not in aws-cdk-lib's bundle");
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
