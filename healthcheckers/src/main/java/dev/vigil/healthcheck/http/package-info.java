/** HTTP_GET and SSL_GET: fetch URLs and check status code, MD5 digest and regular expression of the body. */
package dev.vigil.healthcheck.http;
