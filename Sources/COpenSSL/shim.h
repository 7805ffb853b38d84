// Only includes OpenSSL 3's headers; learnchat's crypto layer uses the EVP interface.
#ifndef LEARNCHAT_COPENSSL_SHIM_H
#define LEARNCHAT_COPENSSL_SHIM_H
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#endif
