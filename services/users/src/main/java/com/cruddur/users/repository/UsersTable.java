package com.cruddur.users.repository;

import com.cruddur.common.aws.OwnedTables;
import com.cruddur.events.Outbox;
import com.cruddur.users.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * One table, one string key {@code pk}: {@code USER#<sub>} holds a profile, {@code HANDLE#<lower-case handle>}
 * claims a handle for one sub, and a follow is two items listed by the {@code follows} index (docs/follows.md); a
 * follow carries its event until the outbox relay sent it ({@code outbox} index, docs/events.md).
 */
@ApplicationScoped
public class UsersTable implements OwnedTables {

    static final String PK = "pk";
    /** {@code FOLLOWING#<sub>} and {@code FOLLOWERS#<sub>} lists, newest first by {@code <followed at>#<sub>}. */
    static final String FOLLOWS_INDEX = "follows";

    private final UsersConfig config;

    public UsersTable(UsersConfig config) {
        this.config = config;
    }

    public String name() {
        return config.table();
    }

    @Override
    public List<CreateTableRequest> definitions() {
        return List.of(OwnedTables.table(
                name(), PK, null, new OwnedTables.Index(FOLLOWS_INDEX, "gsi1pk", "gsi1sk"), Outbox.index()));
    }
}
