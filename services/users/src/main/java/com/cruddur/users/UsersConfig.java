package com.cruddur.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cruddur.users")
public interface UsersConfig {

    /** The DynamoDB table of users, handle claims and follows. */
    String table();

    /** The S3 bucket avatars are uploaded to. */
    String avatarsBucket();

    /** How many follows a caller may make per period (docs/rate-limits.md), on top of the limit on all writes. */
    Follows follows();

    interface Follows {

        @WithDefault("100")
        long limit();

        @WithDefault("1h")
        Duration period();
    }
}
