/** The schema read from the model records' components, and the binder from trees to records. */
package dev.vigil.conf.bind;
