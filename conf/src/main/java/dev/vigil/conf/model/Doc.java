package dev.vigil.conf.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a key means, and its keepalived form when that differs from the key, for the reference documentation. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Doc {
    String value();

    /** keepalived's form when it is not {@code key value}; empty when the same. */
    String keepalived() default "";
}
