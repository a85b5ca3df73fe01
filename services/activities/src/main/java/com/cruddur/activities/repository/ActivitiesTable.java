package com.cruddur.activities.repository;

import com.cruddur.activities.ActivitiesConfig;
import com.cruddur.common.aws.OwnedTables;
import com.cruddur.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The activities table, its two indexes and the outbox's; docs/data-model-activities.md explains the keys. */
@ApplicationScoped
public class ActivitiesTable implements OwnedTables {

    static final String FEED_INDEX = "feed";
    static final String AUTHOR_INDEX = "author";

    private final ActivitiesConfig config;

    public ActivitiesTable(ActivitiesConfig config) {
        this.config = config;
    }

    public String name() {
        return config.table();
    }

    @Override
    public List<CreateTableRequest> definitions() {
        return List.of(OwnedTables.table(
                name(),
                "pk",
                "sk",
                new Index(FEED_INDEX, "gsi1pk", "gsi1sk"),
                new Index(AUTHOR_INDEX, "gsi2pk", "gsi2sk"),
                Outbox.index()));
    }
}
