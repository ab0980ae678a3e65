package com.relationship.projection.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The timeline read model's configuration ({@code projection.timeline.*}). A bad value fails the
 * start with the property's name.
 *
 * @param entryCap events kept per account as entries (the newest); the periods are never capped
 */
@ConfigurationProperties("projection.timeline")
public record TimelineProperties(@DefaultValue("500") int entryCap) {

    public TimelineProperties {
        if (entryCap < 1) {
            throw new IllegalArgumentException("projection.timeline.entry-cap must be at least 1, is " + entryCap);
        }
    }
}
