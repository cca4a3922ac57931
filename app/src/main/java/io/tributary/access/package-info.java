/**
 * Access: who may do what. Owns people (HTTP Basic, Argon2id-hashed passwords), API keys (Bearer
 * tokens stored only as SHA-256 hashes), roles and channel scoping, and exposes the {@link
 * io.tributary.access.Actor} every other module records as the author of a change. It does not own
 * the channels themselves.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "channels"})
package io.tributary.access;
