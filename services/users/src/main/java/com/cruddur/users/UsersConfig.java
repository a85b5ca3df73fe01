package com.cruddur.users;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "cruddur.users")
public interface UsersConfig {

    /** The DynamoDB table of users and handle claims. */
    String table();

    /** The S3 bucket avatars are uploaded to. */
    String avatarsBucket();
}
