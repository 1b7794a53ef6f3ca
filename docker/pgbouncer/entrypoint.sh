#!/bin/sh
# Writes PgBouncer's auth file from the environment (no password in the image), then runs it in
# the foreground. DB_USER/DB_PASSWORD: the PostgreSQL role the apps log in as, through PgBouncer.
set -eu
: "${DB_USER:?DB_USER must be set}"
: "${DB_PASSWORD:?DB_PASSWORD must be set}"
umask 077
# userlist.txt quotes with ", and a " inside a value is written twice.
escape() { printf '%s' "$1" | sed 's/"/""/g'; }
printf '"%s" "%s"\n' "$(escape "$DB_USER")" "$(escape "$DB_PASSWORD")" > /run/pgbouncer/userlist.txt
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
