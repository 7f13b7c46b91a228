/** Reading YAML configuration into a position-carrying tree, and writing the model as YAML. */
package dev.vigil.conf.yaml;
