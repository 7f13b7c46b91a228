package dev.vigil.conf.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The key of a component when it is not the component's name in snake_case, and older names also accepted. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {
    /** The key written; empty for the component's name in snake_case. */
    String value() default "";

    /** Other names read as this key (keepalived's older keywords); never written. */
    String[] aliases() default {};
}
