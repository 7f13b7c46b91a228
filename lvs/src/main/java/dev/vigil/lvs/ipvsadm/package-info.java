/** The ipvsadm rules text format: save ({@code ipvsadm -Sn}), parse ({@code ipvsadm -R} input) and a batched restore. */
package dev.vigil.lvs.ipvsadm;
