#!/bin/sh
# Builds tagline-station_<version>_all.deb with dpkg-deb from a staged tree (run by Maven at package).
#   build-deb.sh MAVEN_VERSION STATION_JAR CONFIGS_DIR OUT_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
maven_version=$1
jar=$2
configs=$3
out=$4

# 0.1.0-SNAPSHOT sorts before 0.1.0 in Debian as 0.1.0~SNAPSHOT.
version=$(printf '%s' "$maven_version" | sed 's/-/~/g')
stage="$out/deb-root"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/etc/tagline" "$stage/usr/share/man/man1"
cp -R "$here/root/." "$stage/"
install -m 0644 "$jar" "$stage/usr/share/tagline/station.jar"
install -m 0644 "$configs/station.example.yaml" "$stage/etc/tagline/station.yaml"
gzip -9n < "$here/man/tagline-station.1" > "$stage/usr/share/man/man1/tagline-station.1.gz"

date=$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")
{
    printf 'tagline-station (%s) unstable; urgency=medium\n\n' "$version"
    printf '  * Build of the Tagline station %s.\n\n' "$maven_version"
    printf ' -- Tagline team <tagline@example.com>  %s\n' "$date"
} | gzip -9n > "$stage/usr/share/doc/tagline-station/changelog.gz"

chmod 0755 "$stage/usr/bin/tagline-station"
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f ! -path '*/usr/bin/*' -exec chmod 0644 {} +
for script in postinst prerm postrm; do
    install -m 0755 "$here/control/$script" "$stage/DEBIAN/$script"
done
install -m 0644 "$here/control/conffiles" "$stage/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" "$here/control/control" > "$stage/DEBIAN/control"
(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/tagline-station_${version}_all.deb" >/dev/null
echo "$out/tagline-station_${version}_all.deb"
