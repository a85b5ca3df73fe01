package com.cruddur.users.service;

import com.cruddur.common.aws.AwsConfig;
import com.cruddur.common.aws.AwsCredentials;
import com.cruddur.common.validation.Validation;
import com.cruddur.users.UsersConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned S3 PUT URLs for avatars, signed locally by the SDK (no call to S3). Locally they point at the S3 emulator
 * ({@code AWS_ENDPOINT_URL_S3}), path-style, as the emulator has no per-bucket host names.
 */
@ApplicationScoped
public class AvatarUploads {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");

    private final S3Presigner presigner;
    private final String bucket;

    public AvatarUploads(
            AwsConfig aws, @Named(AwsCredentials.NAME) AwsCredentialsProvider credentials, UsersConfig config) {
        S3Presigner.Builder builder =
                S3Presigner.builder().region(Region.of(aws.region())).credentialsProvider(credentials);
        aws.endpoint()
                .s3()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build()));
        this.presigner = builder.build();
        this.bucket = config.avatarsBucket();
    }

    /** The URL to PUT {@code avatars/<sub>.<extension>} to, valid for five minutes. */
    public URL presignedPut(String sub, String extension) {
        String ext = extension == null ? null : extension.strip().toLowerCase(Locale.ROOT);
        new Validation()
                .check(Validation.isBlank(ext), "extension_blank")
                .check(!Validation.isBlank(ext) && !EXTENSIONS.contains(ext), "extension_invalid")
                .throwIfFailed();
        return presigner
                .presignPutObject(r -> r.signatureDuration(VALIDITY)
                        .putObjectRequest(put -> put.bucket(bucket).key("avatars/" + sub + "." + ext)))
                .url();
    }

    @PreDestroy
    void close() {
        presigner.close();
    }
}
