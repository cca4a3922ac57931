/**
 * The shared kernel: identifiers, problem details, idempotency, the clock and the database
 * bootstrap. It owns no business concept; every module may depend on it and it depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tributary.shared;
