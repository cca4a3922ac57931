/**
 * Exceptions: the one queue operations teams work from. Owns exception cases (a hold, a failed
 * route, a short pick, a node's rejection, an uncollected pickup, a parked webhook, a receiving
 * discrepancy, a supplier problem), each with a type, severity, owning role, due time from the
 * type's SLA, assignee, escalation and resolution, and the history of every transition. Other
 * modules raise and resolve cases through {@link io.tributary.exceptions.Exceptions} inside their
 * own transaction, or publish an event this module listens to in that transaction (a parked webhook
 * delivery, a replay of a subscription's events); this module does not own the orders, fulfilments,
 * webhooks or purchase orders a case refers to, and never reads their tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "access", "integration"})
package io.tributary.exceptions;
