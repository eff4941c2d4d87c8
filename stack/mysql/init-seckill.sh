# First start of the MySQL 8 container of stack.yaml: sourced by the image's entrypoint after it
# created the application user (MYSQL_USER, MYSQL_PASSWORD_FILE).
#  - the services create their own databases (createDatabaseIfNotExist) and migrate them with
#    Flyway: the application user may do anything inside seckill_*;
#  - the Seata TC's db store talks through the MySQL 5.1 driver that seata-server 2.0 pins, which
#    cannot log in with MySQL 8's default caching_sha2_password: its own user uses
#    mysql_native_password (MySQL 8.0 has it on; on 8.4 add --mysql-native-password=ON).
tc_password="$(cat /run/secrets/tc_db_password)"
docker_process_sql --database=mysql <<SQL
CREATE DATABASE IF NOT EXISTS seata;
CREATE USER IF NOT EXISTS 'seata'@'%' IDENTIFIED WITH mysql_native_password BY '${tc_password}';
GRANT ALL PRIVILEGES ON seata.* TO 'seata'@'%';
GRANT ALL PRIVILEGES ON \`seckill\_%\`.* TO '${MYSQL_USER}'@'%';
FLUSH PRIVILEGES;
SQL
unset tc_password
