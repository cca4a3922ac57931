package io.tributary.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.shared.ValidationFailed;
import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may read and work cases, and what bad input gets: 401, 403, 400, 404, with nothing written. */
class ExceptionAccessIntegrationTests extends ExceptionsTestSupport {

    @Test
    void everyOperationsRoleMayListAndReadButChannelKeysMayNot() {
        String id = raise(ExceptionType.ORDER_HOLD, "order", entity("order")).id().toString();
        for (String role : List.of("VIEWER", "CUSTOMER_SERVICE", "INVENTORY_MANAGER", "WAREHOUSE", "BUYER", "APPROVER", "FINANCE")) {
            Api api = as(user(role));
            api.get("/exceptions?limit=1").expect(200);
            api.get("/exceptions/" + id).expect(200);
        }
        Fixtures f = new Fixtures(admin());
        Api channel = admin().withKey("CHANNEL", f.channel(List.of(f.location())));
        assertThat(channel.get("/exceptions").expect(403).problemSlug()).isEqualTo("forbidden");
        channel.get("/exceptions/" + id).expect(403);
        channel.post("/exceptions/" + id + "/resolve", Map.of("note", "no")).expect(403);
        channel.post("/exceptions/" + id + "/assign", Map.of("user", "admin")).expect(403);
        anonymous().get("/exceptions").expect(401);
        anonymous().post("/exceptions/" + id + "/resolve", Map.of("note", "no")).expect(401);
        assertThat(admin().get("/exceptions/" + id).expect(200).json().path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void onlyTheOwningRoleOrAnAdminMayAssignOrResolve() {
        String id = raise(ExceptionType.ORDER_HOLD, "order", entity("order")).id().toString();
        Api buyer = as(user("BUYER"));
        Api viewer = as(user("VIEWER"));
        Api keyViewer = admin().withKey("VIEWER", null);
        assertThat(buyer.post("/exceptions/" + id + "/resolve", Map.of("note", "not mine")).expect(403).problemSlug())
                .isEqualTo("forbidden");
        buyer.post("/exceptions/" + id + "/assign", Map.of("user", "admin")).expect(403);
        viewer.post("/exceptions/" + id + "/resolve", Map.of("note", "read only")).expect(403);
        keyViewer.post("/exceptions/" + id + "/assign", Map.of("user", "admin")).expect(403);
        assertThat(admin().get("/exceptions/" + id).expect(200).json().path("history")).hasSize(1);

        String agent = user("CUSTOMER_SERVICE");
        as(agent).post("/exceptions/" + id + "/assign", Map.of("user", agent)).expect(200);
        // A person holding several roles works the case through the one it needs.
        as(user("BUYER", "CUSTOMER_SERVICE")).post("/exceptions/" + id + "/resolve", Map.of("note", "Released", "action", "RELEASED"))
                .expect(200);

        String webhookCase = raise(ExceptionType.WEBHOOK_PARKED, "webhook", entity("hook")).id().toString();
        as(agent).post("/exceptions/" + webhookCase + "/resolve", Map.of("note", "not mine")).expect(403);
        admin().post("/exceptions/" + webhookCase + "/assign", Map.of("user", "admin")).expect(200);
        admin().post("/exceptions/" + webhookCase + "/resolve", Map.of("note", "Replayed")).expect(200);
    }

    @Test
    void theAssigneeMustBeAnExistingPersonWhoCanWorkTheCase() {
        String id = raise(ExceptionType.SHORT_PICK, "fulfillment", entity("ful")).id().toString();
        Api.Response unknown = admin().post("/exceptions/" + id + "/assign", Map.of("user", Api.unique("ghost"))).expect(400);
        assertThat(unknown.errorFields()).containsExactly("user");
        Api.Response wrongRole = admin().post("/exceptions/" + id + "/assign", Map.of("user", user("BUYER"))).expect(400);
        assertThat(wrongRole.errorFields()).containsExactly("user");
        assertThat(wrongRole.json().path("detail").asString()).contains("WAREHOUSE");
        assertThat(admin().post("/exceptions/" + id + "/assign", Map.of("user", "  ")).expect(400).errorFields()).containsExactly("user");
        assertThat(admin().post("/exceptions/" + id + "/assign", Map.of()).expect(400).errorFields()).containsExactly("user");
        JsonNode read = admin().get("/exceptions/" + id).expect(200).json();
        assertThat(read.path("status").asString()).isEqualTo("OPEN");
        assertThat(read.path("history")).hasSize(1);
        String picker = user("WAREHOUSE");
        assertThat(admin().post("/exceptions/" + id + "/assign", Map.of("user", picker)).expect(200).json().path("assignee").asString())
                .isEqualTo(picker);
    }

    @Test
    void badInputIsABadRequestNamingTheFieldAndWritesNothing() {
        String id = raise(ExceptionType.ROUTING_FAILED, "order", entity("order")).id().toString();
        assertThat(admin().post("/exceptions/" + id + "/resolve", Map.of("action", "CANCELLED")).expect(400).errorFields())
                .containsExactly("note");
        assertThat(admin().post("/exceptions/" + id + "/resolve", Map.of("note", " ")).expect(400).errorFields())
                .containsExactly("note");
        assertThat(admin().post("/exceptions/" + id + "/resolve", Map.of("note", "ok", "action", "X".repeat(101))).expect(400)
                .errorFields()).containsExactly("action");
        admin().send("POST", "/exceptions/" + id + "/resolve", "{not json", "application/json").expect(400);
        assertThat(admin().get("/exceptions/" + id).expect(200).json().path("status").asString()).isEqualTo("OPEN");

        assertThat(admin().get("/exceptions?status=CLOSED").expect(400).errorFields()).containsExactly("status");
        assertThat(admin().get("/exceptions?type=NOT_A_TYPE").expect(400).errorFields()).containsExactly("type");
        assertThat(admin().get("/exceptions?role=NOBODY").expect(400).errorFields()).containsExactly("role");
        assertThat(admin().get("/exceptions?overdue=maybe").expect(400).errorFields()).containsExactly("overdue");
        assertThat(admin().get("/exceptions?limit=0").expect(400).errorFields()).containsExactly("limit");
        assertThat(admin().get("/exceptions?limit=501").expect(400).errorFields()).containsExactly("limit");
        assertThat(admin().get("/exceptions?cursor=bm90LWEtY3Vyc29y").expect(400).errorFields()).containsExactly("cursor");
        assertThat(admin().get("/exceptions?entityType=Order%20X").expect(400).errorFields()).containsExactly("entityType");
        assertThat(admin().get("/exceptions/not-a-uuid").expect(400).errorFields()).containsExactly("id");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        String missing = UUID.randomUUID().toString();
        assertThat(admin().get("/exceptions/" + missing).expect(404).problemSlug()).isEqualTo("not-found");
        admin().post("/exceptions/" + missing + "/resolve", Map.of("note", "nothing")).expect(404);
        admin().post("/exceptions/" + missing + "/assign", Map.of("user", "admin")).expect(404);
    }

    @Test
    void aBadRaiseNamesTheFieldAndCreatesNoCase() {
        String order = entity("order");
        assertThatThrownBy(() -> exceptions.raise(new RaiseException(null, "order", order, "x")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("type"));
        assertThatThrownBy(() -> exceptions.raise(new RaiseException(ExceptionType.ORDER_HOLD, "Order", order, "x")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("entityType"));
        assertThatThrownBy(() -> exceptions.raise(new RaiseException(ExceptionType.ORDER_HOLD, "order", " ", "x")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("entityId"));
        assertThatThrownBy(() -> exceptions.raise(new RaiseException(ExceptionType.ORDER_HOLD, "order", order, "two\nlines")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("summary"));
        assertThatThrownBy(() -> exceptions.raise(new RaiseException(ExceptionType.ORDER_HOLD, "order", order, "big",
                Map.of("blob", "x".repeat(10_000)))))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("details"));
        assertThat(admin().get("/exceptions?entityId=" + order).expect(200).json().path("items")).isEmpty();
    }
}
