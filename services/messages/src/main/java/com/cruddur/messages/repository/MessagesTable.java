package com.cruddur.messages.repository;

import com.cruddur.common.aws.OwnedTables;
import com.cruddur.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The messages table, its inbox index and the outbox's; docs/data-model-messages.md explains the keys. */
@ApplicationScoped
public class MessagesTable implements OwnedTables {

    static final String INBOX_INDEX = "inbox";

    private final String name;

    public MessagesTable(@ConfigProperty(name = "cruddur.messages.table") String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public List<CreateTableRequest> definitions() {
        return List.of(OwnedTables.table(name, "pk", "sk", new Index(INBOX_INDEX, "gsi1pk", "gsi1sk"), Outbox.index()));
    }
}
