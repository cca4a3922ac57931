/**
 * Demo data: on the first start of an empty installation (unless {@code TRIBUTARY_DEMO_DATA=false})
 * a small brand's network, catalog, channels and stock are created through the modules' public
 * APIs, so a newcomer has something to query at once. It owns nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "network", "channels", "inventory", "access"})
package io.tributary.demo;
