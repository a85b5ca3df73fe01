package com.cruddur.activities;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cruddur.activities")
public interface ActivitiesConfig {

    String table();

    /** Partitions of the home feed's index; see docs/data-model-activities.md. */
    @WithDefault("4")
    int feedShards();
}
