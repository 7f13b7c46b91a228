/** Validation across the model (references, families, VRIDs) and the section validator extension point. */
package dev.vigil.conf.validate;
