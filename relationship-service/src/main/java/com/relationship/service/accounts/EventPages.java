package com.relationship.service.accounts;

import com.relationship.service.account.AccountHistory;
import com.relationship.service.account.AccountHistory.RecordedEvent;
import com.relationship.service.account.UnknownAccountException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code GET /accounts/{id}/events}: the account's events as the JSON array callers have always had,
 * written event by event as the store's batches come in rather than gathered first, so an account
 * with a long history costs one batch of memory, not all of it. With {@code limit} a part of it,
 * the same array, and a {@code Link: <...>; rel="next"} while more follow.
 */
final class EventPages {

    static final int MAX_LIMIT = 1000;

    private final AccountHistory history;
    private final JsonMapper json;

    EventPages(AccountHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    ResponseEntity<StreamingResponseBody> answer(UUID accountId, long fromSequence, Integer limit) {
        if (!history.exists(accountId)) {
            throw new UnknownAccountException(accountId); // a 404 before anything is streamed
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (limit == null) {
            return ok.body(out -> {
                try (Stream<RecordedEvent> events = from(accountId, fromSequence)) {
                    write(events.iterator(), out);
                }
            });
        }
        List<RecordedEvent> page;
        try (Stream<RecordedEvent> events = from(accountId, fromSequence)) {
            page = events.limit(limit + 1L).toList(); // one more than asked: whether a next part exists
        }
        if (page.size() > limit) {
            page = page.subList(0, limit);
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("fromSequence", page.get(limit - 1).sequence() + 1).build().toUriString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        List<RecordedEvent> part = page;
        return ok.body(out -> write(part.iterator(), out));
    }

    private Stream<RecordedEvent> from(UUID accountId, long fromSequence) {
        return history.stream(accountId).dropWhile(event -> event.sequence() < fromSequence);
    }

    private void write(Iterator<RecordedEvent> events, OutputStream out) {
        try (JsonGenerator array = json.createGenerator(out)) {
            array.writeStartArray();
            while (events.hasNext()) {
                json.writeValue(array, events.next());
            }
            array.writeEndArray();
        }
    }
}
