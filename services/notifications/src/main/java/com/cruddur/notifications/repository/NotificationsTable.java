package com.cruddur.notifications.repository;

import com.cruddur.common.aws.OwnedTables;
import com.cruddur.notifications.NotificationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** One partition per recipient: notifications ({@code N#<time>#<uuid>}) and their id pointers ({@code ID#<uuid>}). */
@ApplicationScoped
public class NotificationsTable implements OwnedTables {

    private final NotificationsConfig config;

    public NotificationsTable(NotificationsConfig config) {
        this.config = config;
    }

    public String name() {
        return config.table();
    }

    @Override
    public List<CreateTableRequest> definitions() {
        return List.of(OwnedTables.table(name(), "pk", "sk"));
    }
}
