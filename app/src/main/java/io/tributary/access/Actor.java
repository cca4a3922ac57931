package io.tributary.access;

import io.tributary.channels.ChannelCode;
import io.tributary.shared.Forbidden;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated author of a request: a user ({@code user:alice}) or an API key
 * ({@code key:storefront-eu}). Every ledger movement and transition records {@link #name()}.
 * A CHANNEL actor is bound to one channel and may act for no other.
 */
public record Actor(String name, Set<Role> roles, Optional<ChannelCode> channel) implements java.security.Principal {

    public static final Actor SYSTEM = new Actor("system", Set.of(Role.ADMIN), Optional.empty());

    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when this actor is scoped to a single channel (a CHANNEL role without ADMIN). */
    public boolean channelScoped() {
        return channel.isPresent() && !roles.contains(Role.ADMIN);
    }

    /** Refuses with 403 when this actor is bound to a channel other than {@code requested}. */
    public void requireChannel(ChannelCode requested) {
        if (channelScoped() && !channel.get().equals(requested)) {
            throw new Forbidden("This key is bound to channel '" + channel.get().value()
                    + "' and may not act for channel '" + requested.value() + "'.");
        }
    }
}
