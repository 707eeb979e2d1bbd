#!/usr/bin/env bash
# Prints an access token for a demo user, obtained the way a browser does: the authorization code
# flow of the public client mdt-web with PKCE (S256). The realm allows no password grant, so this
# script fills in Keycloak's login form with curl instead.
#
#   scripts/demo-token.sh cora.coordinator            # password defaults to "demo"
#   TOKEN=$(scripts/demo-token.sh dana.detective)
#   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/me
#
# Environment: KEYCLOAK_URL (default http://127.0.0.1:8180), REALM (mdt), CLIENT_ID (mdt-web),
# REDIRECT_URI (http://127.0.0.1:8080/callback; nothing needs to listen there), PASSWORD (demo).
# For the demo only: a real client never handles the user's password.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 USERNAME" >&2
  exit 2
fi
username=$1
password=${PASSWORD:-demo}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:8180}
realm=${REALM:-mdt}
client_id=${CLIENT_ID:-mdt-web}
redirect_uri=${REDIRECT_URI:-http://127.0.0.1:8080/callback}
oidc="$keycloak/realms/$realm/protocol/openid-connect"

for tool in curl openssl sed tr; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required" >&2; exit 1; }
done

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
verifier=$(openssl rand 48 | base64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
state=$(openssl rand 16 | base64url)

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
jar="$workdir/cookies"

# 1. The authorization request: Keycloak answers with its login form.
curl -fsS -c "$jar" -b "$jar" -o "$workdir/login.html" -G "$oidc/auth" \
  --data-urlencode "client_id=$client_id" \
  --data-urlencode "response_type=code" \
  --data-urlencode "scope=openid" \
  --data-urlencode "redirect_uri=$redirect_uri" \
  --data-urlencode "state=$state" \
  --data-urlencode "code_challenge=$challenge" \
  --data-urlencode "code_challenge_method=S256"
action=$(tr '\n' ' ' <"$workdir/login.html" \
  | sed -n 's/.*<form[^>]*id="kc-form-login"[^>]*>.*/&/p' \
  | sed -n 's/.*<form[^>]*action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')
if [ -z "$action" ]; then
  echo "$0: no login form at $oidc/auth (is Keycloak running with realm $realm?)" >&2
  exit 1
fi

# 2. Submit the form. Success is a redirect to redirect_uri carrying the code.
location=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$action" \
  --data-urlencode "username=$username" \
  --data-urlencode "password=$password" \
  --data-urlencode "credentialId=")
case "$location" in
  "$redirect_uri"*) ;;
  *) echo "$0: login refused for $username" >&2; exit 1 ;;
esac
returned_state=$(printf '%s' "$location" | sed -n 's/.*[?&]state=\([^&]*\).*/\1/p')
code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
if [ "$returned_state" != "$state" ] || [ -z "$code" ]; then
  echo "$0: unexpected redirect (state mismatch or no code)" >&2
  exit 1
fi

# 3. Exchange the code, proving possession of the verifier.
response=$(curl -fsS "$oidc/token" \
  --data-urlencode "grant_type=authorization_code" \
  --data-urlencode "client_id=$client_id" \
  --data-urlencode "code=$code" \
  --data-urlencode "redirect_uri=$redirect_uri" \
  --data-urlencode "code_verifier=$verifier")
token=$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "$0: the token endpoint returned no access token" >&2
  exit 1
fi
printf '%s\n' "$token"
