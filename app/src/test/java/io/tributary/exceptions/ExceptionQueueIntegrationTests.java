package io.tributary.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.access.Actor;
import io.tributary.support.Api;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ExceptionQueueIntegrationTests extends ExceptionsTestSupport {

    @Autowired
    Clock clock;

    @Test
    void aRaisedCaseIsListedFilteredAssignedAndResolvedWithItsHistory() {
        String order = entity("order");
        ExceptionCase raised = raise(ExceptionType.ORDER_HOLD, "order", order);
        String id = raised.id().toString();
        assertThat(raised.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(raised.dueAt()).isEqualTo(raised.raisedAt().plus(Duration.ofHours(4)));

        JsonNode page = admin().get("/exceptions?entityType=order&entityId=" + order).expect(200).json();
        assertThat(page.path("items")).hasSize(1);
        JsonNode listed = page.path("items").get(0);
        assertThat(listed.path("id").asString()).isEqualTo(id);
        assertThat(listed.path("type").asString()).isEqualTo("ORDER_HOLD");
        assertThat(listed.path("severity").asString()).isEqualTo("MEDIUM");
        assertThat(listed.path("status").asString()).isEqualTo("OPEN");
        assertThat(listed.path("ownerRole").asString()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(listed.path("details").path("reason").asString()).isEqualTo("test");
        assertThat(listed.path("overdue").asBoolean()).isFalse();
        assertThat(listed.has("history")).isFalse();
        assertThat(admin().get("/exceptions?type=ORDER_HOLD&role=CUSTOMER_SERVICE&status=OPEN&entityId=" + order).expect(200)
                .json().path("items")).hasSize(1);
        assertThat(admin().get("/exceptions?type=SHORT_PICK&entityId=" + order).expect(200).json().path("items")).isEmpty();
        assertThat(admin().get("/exceptions?role=BUYER&entityId=" + order).expect(200).json().path("items")).isEmpty();
        assertThat(admin().get("/exceptions?status=RESOLVED&entityId=" + order).expect(200).json().path("items")).isEmpty();
        assertThat(admin().get("/exceptions?entityType=fulfillment&entityId=" + order).expect(200).json().path("items")).isEmpty();
        assertThat(admin().get("/exceptions?overdue=true&entityId=" + order).expect(200).json().path("items")).isEmpty();

        String agent = user("CUSTOMER_SERVICE");
        String colleague = user("CUSTOMER_SERVICE");
        JsonNode assigned = as(agent).post("/exceptions/" + id + "/assign", Map.of("user", colleague)).expect(200).json();
        assertThat(assigned.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.path("assignee").asString()).isEqualTo(colleague);
        assertThat(admin().get("/exceptions?status=ASSIGNED&entityId=" + order).expect(200).json().path("items")).hasSize(1);

        JsonNode resolved = as(colleague).post("/exceptions/" + id + "/resolve",
                Map.of("note", "Payment confirmed by phone", "action", "RELEASED")).expect(200).json();
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolutionNote").asString()).isEqualTo("Payment confirmed by phone");
        assertThat(resolved.path("resolutionAction").asString()).isEqualTo("RELEASED");
        assertThat(resolved.path("resolvedBy").asString()).isEqualTo("user:" + colleague);
        assertThat(resolved.path("resolvedAt").isString()).isTrue();

        JsonNode read = as(agent).get("/exceptions/" + id).expect(200).json();
        List<String> events = new ArrayList<>();
        read.path("history").forEach(h -> events.add(h.path("event").asString() + ":" + h.path("from").asString("-") + ">" + h.path("to").asString()));
        assertThat(events).containsExactly("RAISED:->OPEN", "ASSIGNED:OPEN>ASSIGNED", "RESOLVED:ASSIGNED>RESOLVED");
        assertThat(read.path("history").get(1).path("actor").asString()).isEqualTo("user:" + agent);
        assertThat(read.path("history").get(2).path("note").asString()).contains("RELEASED").contains("Payment confirmed");
        assertThat(eventsOf(id)).containsExactly("exception.raised", "exception.assigned", "exception.resolved");
    }

    @Test
    void resolvingOrAssigningAResolvedCaseIsAnInvalidTransition() {
        String id = raise(ExceptionType.SHORT_PICK, "fulfillment", entity("ful")).id().toString();
        admin().post("/exceptions/" + id + "/resolve", Map.of("note", "Found the units", "action", "PICKED")).expect(200);
        Api.Response again = admin().post("/exceptions/" + id + "/resolve", Map.of("note", "Twice"));
        again.expect(409);
        assertThat(again.problemSlug()).isEqualTo("invalid-transition");
        Api.Response assign = admin().post("/exceptions/" + id + "/assign", Map.of("user", "admin"));
        assign.expect(409);
        assertThat(assign.problemSlug()).isEqualTo("invalid-transition");
        JsonNode read = admin().get("/exceptions/" + id).expect(200).json();
        assertThat(read.path("resolutionNote").asString()).isEqualTo("Found the units");
        assertThat(read.path("history")).hasSize(2);
    }

    @Test
    void raisingAgainWhileUnresolvedReturnsTheSameCaseAndRecordsTheRepeat() {
        String fulfillment = entity("ful");
        ExceptionCase first = raise(ExceptionType.FULFILLMENT_REJECTED, "fulfillment", fulfillment);
        ExceptionCase second = raise(ExceptionType.FULFILLMENT_REJECTED, "fulfillment", fulfillment);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.occurrences()).isEqualTo(2);
        admin().post("/exceptions/" + first.id() + "/assign", Map.of("user", "admin")).expect(200);
        ExceptionCase third = raise(ExceptionType.FULFILLMENT_REJECTED, "fulfillment", fulfillment);
        assertThat(third.id()).isEqualTo(first.id());
        assertThat(third.status()).isEqualTo(ExceptionStatus.ASSIGNED);
        assertThat(third.occurrences()).isEqualTo(3);
        assertThat(third.history()).extracting(ExceptionCase.Transition::event).containsExactly(ExceptionCase.Event.RAISED,
                ExceptionCase.Event.RAISED_AGAIN, ExceptionCase.Event.ASSIGNED, ExceptionCase.Event.RAISED_AGAIN);

        // Another type, or the same type for another entity, is a case of its own.
        ExceptionCase other = raise(ExceptionType.SHORT_PICK, "fulfillment", fulfillment);
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(raise(ExceptionType.FULFILLMENT_REJECTED, "fulfillment", entity("ful")).id()).isNotEqualTo(first.id());

        assertThat(admin().get("/exceptions?entityId=" + fulfillment).expect(200).json().path("items")).hasSize(2);
        assertThat(eventsOf(first.id().toString())).containsExactly("exception.raised", "exception.assigned");
    }

    @Test
    void aNewCaseIsRaisedOnceTheFormerIsResolved() {
        String webhook = entity("hook");
        ExceptionCase first = raise(ExceptionType.WEBHOOK_PARKED, "webhook", webhook);
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        admin().post("/exceptions/" + first.id() + "/resolve", Map.of("note", "Endpoint fixed, replayed", "action", "REPLAYED"))
                .expect(200);
        ExceptionCase second = raise(ExceptionType.WEBHOOK_PARKED, "webhook", webhook);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(second.occurrences()).isEqualTo(1);
        JsonNode items = admin().get("/exceptions?entityType=webhook&entityId=" + webhook).expect(200).json().path("items");
        assertThat(items).hasSize(2);
        assertThat(admin().get("/exceptions?status=OPEN&entityId=" + webhook).expect(200).json().path("items").get(0)
                .path("id").asString()).isEqualTo(second.id().toString());
    }

    @Test
    void resolveForClosesTheUnresolvedCaseOfAnEntityAndIsEmptyWhenThereIsNone() {
        String order = entity("order");
        Actor agent = new Actor("user:agent", Set.of(io.tributary.access.Role.CUSTOMER_SERVICE), Optional.empty());
        assertThat(exceptions.resolveFor(ExceptionType.ORDER_HOLD, "order", order, "RELEASED", null, agent)).isEmpty();
        ExceptionCase raised = raise(ExceptionType.ORDER_HOLD, "order", order);
        Optional<ExceptionCase> resolved = exceptions.resolveFor(ExceptionType.ORDER_HOLD, "order", order, "RELEASED",
                "Hold released through the orders API", agent);
        assertThat(resolved).isPresent();
        assertThat(resolved.get().id()).isEqualTo(raised.id());
        assertThat(resolved.get().status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThat(resolved.get().resolutionAction()).isEqualTo("RELEASED");
        assertThat(resolved.get().resolvedBy()).isEqualTo("user:agent");
        assertThat(exceptions.resolveFor(ExceptionType.ORDER_HOLD, "order", order, "RELEASED", null, agent)).isEmpty();
        assertThat(eventsOf(raised.id().toString())).containsExactly("exception.raised", "exception.resolved");
        assertThat(exceptions.unresolvedFor(ExceptionType.ORDER_HOLD, "order", order)).isEmpty();
    }

    @Test
    void anOverdueCaseEscalatesOncePerPeriodWithHigherSeverityAndANewDueTime() throws Exception {
        String order = entity("order");
        ExceptionCase raised = raise(ExceptionType.ORDER_HOLD, "order", order);
        String id = raised.id().toString();
        makeOverdue(id, clock.instant().minusSeconds(60));

        Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        exceptions.escalateDue(clock.instant(), 500);
        // The scheduled job may have taken it first; either way it escalated exactly once.
        exceptions.escalateDue(clock.instant(), 500);
        Instant after = clock.instant();

        JsonNode read = admin().get("/exceptions/" + id).expect(200).json();
        assertThat(read.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(read.path("severity").asString()).isEqualTo("HIGH");
        assertThat(read.path("status").asString()).isEqualTo("OPEN");
        assertThat(read.path("overdue").asBoolean()).isFalse();
        Instant escalatedAt = Instant.parse(read.path("escalatedAt").asString());
        assertThat(escalatedAt).isBetween(before, after);
        assertThat(Instant.parse(read.path("dueAt").asString())).isEqualTo(escalatedAt.plus(Duration.ofHours(4)));
        JsonNode last = read.path("history").get(read.path("history").size() - 1);
        assertThat(last.path("event").asString()).isEqualTo("ESCALATED");
        assertThat(last.path("actor").asString()).isEqualTo("system");
        assertThat(last.path("note").asString()).contains("MEDIUM -> HIGH");
        assertThat(eventsOf(id)).containsExactly("exception.raised", "exception.escalated");

        // Overdue again: the next period escalates it once more; a resolved case never escalates.
        makeOverdue(id, clock.instant().minusSeconds(1));
        exceptions.escalateDue(clock.instant(), 500);
        read = admin().get("/exceptions/" + id).expect(200).json();
        assertThat(read.path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(read.path("severity").asString()).isEqualTo("CRITICAL");
        admin().post("/exceptions/" + id + "/resolve", Map.of("note", "Done")).expect(200);
        makeOverdue(id, clock.instant().minusSeconds(3600));
        exceptions.escalateDue(clock.instant(), 500);
        read = admin().get("/exceptions/" + id).expect(200).json();
        assertThat(read.path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(read.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void theOverdueFilterKeepsOnlyUnresolvedCasesPastTheirDueTime() throws Exception {
        String entityType = "overdue_" + UUID.randomUUID().toString().substring(0, 8);
        ExceptionCase late = raise(ExceptionType.RECEIVING_DISCREPANCY, entityType, entity("po"));
        ExceptionCase onTime = raise(ExceptionType.RECEIVING_DISCREPANCY, entityType, entity("po"));
        ExceptionCase lateButResolved = raise(ExceptionType.RECEIVING_DISCREPANCY, entityType, entity("po"));
        exceptions.resolve(lateButResolved.id(), "Supplier credited", "CREDITED", Actor.SYSTEM);
        makeOverdue(lateButResolved.id().toString(), clock.instant().minusSeconds(3600));
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            // A KEY SHARE lock lets the test move the due time but keeps the escalation job
            // (for update skip locked) away from the case while the list is read.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select id from exception_case where id = ? for key share")) {
                s.setObject(1, late.id());
                s.executeQuery().close();
            }
            makeOverdue(late.id().toString(), clock.instant().minusSeconds(60));

            JsonNode overdue = admin().get("/exceptions?overdue=true&entityType=" + entityType).expect(200).json().path("items");
            assertThat(overdue).hasSize(1);
            assertThat(overdue.get(0).path("id").asString()).isEqualTo(late.id().toString());
            assertThat(overdue.get(0).path("overdue").asBoolean()).isTrue();
            JsonNode notOverdue = admin().get("/exceptions?overdue=false&entityType=" + entityType).expect(200).json().path("items");
            List<String> ids = new ArrayList<>();
            notOverdue.forEach(n -> ids.add(n.path("id").asString()));
            assertThat(ids).containsExactlyInAnyOrder(onTime.id().toString(), lateButResolved.id().toString());
            c.rollback();
        }
    }

    @Test
    void pagesFollowDueTimeThenIdWithAStableCursor() {
        String entityType = "paged_" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> raised = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            raised.add(raise(ExceptionType.SUPPLIER_DATE_MISSED, entityType, entity("po")).id().toString());
        }
        raised.add(raise(ExceptionType.WEBHOOK_PARKED, entityType, entity("po")).id().toString());
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = admin().get("/exceptions?limit=2&entityType=" + entityType + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            page.path("items").forEach(seen::add);
            cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(n -> n.path("id").asString()).containsExactlyInAnyOrderElementsOf(raised);
        // Most urgent first: the parked webhook (1 h SLA) before the missed supplier dates (24 h).
        assertThat(seen.get(0).path("type").asString()).isEqualTo("WEBHOOK_PARKED");
        for (int i = 1; i < seen.size(); i++) {
            Instant previous = Instant.parse(seen.get(i - 1).path("dueAt").asString());
            Instant current = Instant.parse(seen.get(i).path("dueAt").asString());
            assertThat(current).isAfterOrEqualTo(previous);
        }
    }

    @Test
    void idempotencyKeyReplaysAResolutionAndRefusesAnotherBody() {
        String id = raise(ExceptionType.PICKUP_NOT_COLLECTED, "order", entity("order")).id().toString();
        Api keyed = admin().header("Idempotency-Key", Api.unique("key"));
        Api.Response first = keyed.post("/exceptions/" + id + "/resolve", Map.of("note", "Customer collected", "action", "COLLECTED"))
                .expect(200);
        Api.Response replay = keyed.post("/exceptions/" + id + "/resolve", Map.of("note", "Customer collected", "action", "COLLECTED"))
                .expect(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("resolvedAt").asString()).isEqualTo(first.json().path("resolvedAt").asString());
        Api.Response other = keyed.post("/exceptions/" + id + "/resolve", Map.of("note", "Something else")).expect(422);
        assertThat(other.problemSlug()).isEqualTo("idempotency-key-reused");
        assertThat(admin().get("/exceptions/" + id).expect(200).json().path("history")).hasSize(2);
    }
}
