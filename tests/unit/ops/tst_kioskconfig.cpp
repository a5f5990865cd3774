// The config parser: good values are taken, bad ones are reported with their key and
// reason and leave the default, missing ones take the default; the shipped
// deploy/passerelle.conf is exactly the defaults.
#include "kioskconfig.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

// A field of the config as text, so one data-driven test covers every key.
QString field(const KioskConfig &c, const QString &key)
{
    if (key == u"name") return c.name;
    if (key == u"latitude") return c.latitude ? QString::number(*c.latitude) : u"unset"_s;
    if (key == u"longitude") return c.longitude ? QString::number(*c.longitude) : u"unset"_s;
    if (key == u"languages") return c.languages.join(u'|');
    if (key == u"default_language") return c.defaultLanguage;
    if (key == u"px_per_mm") return QString::number(c.pxPerMm);
    if (key == u"idle_warning_seconds") return QString::number(c.idleWarningSeconds);
    if (key == u"idle_reset_seconds") return QString::number(c.idleResetSeconds);
    if (key == u"sources") return c.syncSources.join(u'|');
    if (key == u"interval_seconds") return QString::number(c.syncIntervalSeconds);
    if (key == u"jitter_seconds") return QString::number(c.syncJitterSeconds);
    if (key == u"trusted_keys") return c.trustedKeys.join(u'|');
    if (key == u"pack_id") return c.syncPackId;
    if (key == u"usb_mount_parents") return c.syncUsbMountParents.join(u'|');
    if (key == u"request_deadline_seconds") return QString::number(c.syncRequestDeadlineSeconds);
    if (key == u"min_rate_bytes_per_second") return QString::number(c.syncMinBytesPerSecond);
    if (key == u"rate_window_seconds") return QString::number(c.syncRateWindowSeconds);
    if (key == u"https_only") return c.syncHttpsOnly ? u"true"_s : u"false"_s;
    if (key == u"redirect_hosts") return c.syncRedirectHosts.join(u'|');
    if (key == u"pin_hash") return c.staffPinHash;
    if (key == u"export_folder") return c.exportFolder;
    if (key == u"base_url") return c.webBaseUrl;
    if (key == u"state_directory") return c.stateDirectory;
    if (key == u"first_pack") return c.firstPack;
    if (key == u"textfile") return c.healthTextfile;
    if (key == u"health_interval_seconds") return QString::number(c.healthIntervalSeconds);
    if (key == u"min_exported_count") return QString::number(c.minExportedCount);
    if (const std::optional<KeyAction> action = KeyMap::actionNamed(key)) return c.keys.keysText(*action);
    return u"?"_s;
}

const QString kKey = u"RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"_s;
const QString kHash =
    u"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZXhhbXBsZWhhc2hleGFtcGxlaGFzaGV4YW1wbGVoYQ"_s;

} // namespace

class TestKioskConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void value_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // the field afterwards
        QTest::addColumn<QString>("reason");   // empty: no problem reported

        // good values
        QTest::newRow("name") << "kiosk" << "name" << "CPAS de Namur, accueil" << "CPAS de Namur, accueil" << "";
        QTest::newRow("latitude") << "kiosk" << "latitude" << "50.4669" << "50.4669" << "";
        QTest::newRow("languages") << "kiosk" << "languages" << "fr, ar ,prs,uk" << "fr|ar|prs|uk" << "";
        QTest::newRow("default language") << "kiosk" << "default_language" << "ar" << "ar" << "";
        QTest::newRow("px per mm") << "display" << "px_per_mm" << "4.2" << "4.2" << "";
        QTest::newRow("idle warning") << "session" << "idle_warning_seconds" << "120" << "120" << "";
        QTest::newRow("idle reset") << "session" << "idle_reset_seconds" << "20" << "20" << "";
        QTest::newRow("sources") << "sync" << "sources" << "https://packs.example.org/namur/, /media/packs"
                                 << "https://packs.example.org/namur/|/media/packs" << "";
        QTest::newRow("interval") << "sync" << "interval_seconds" << "900" << "900" << "";
        QTest::newRow("jitter") << "sync" << "jitter_seconds" << "0" << "0" << "";
        QTest::newRow("key") << "sync" << "trusted_keys" << kKey << kKey << "";
        QTest::newRow("pack id") << "sync" << "pack_id" << "namur-cpas" << "namur-cpas" << "";
        QTest::newRow("usb parents") << "sync" << "usb_mount_parents" << "/media, /mnt/usb" << "/media|/mnt/usb" << "";
        QTest::newRow("no usb") << "sync" << "usb_mount_parents" << "" << "" << "";
        QTest::newRow("deadline") << "sync" << "request_deadline_seconds" << "300" << "300" << "";
        QTest::newRow("min rate") << "sync" << "min_rate_bytes_per_second" << "0" << "0" << "";
        QTest::newRow("rate window") << "sync" << "rate_window_seconds" << "60" << "60" << "";
        QTest::newRow("https only") << "sync" << "https_only" << "true" << "true" << "";
        QTest::newRow("redirect hosts") << "sync" << "redirect_hosts" << "cdn.example.org, mirror.example.org:8443"
                                        << "cdn.example.org|mirror.example.org:8443" << "";
        QTest::newRow("pin hash") << "staff" << "pin_hash" << kHash << kHash << "";
        QTest::newRow("no pin") << "staff" << "pin_hash" << "" << "" << "";
        QTest::newRow("export") << "staff" << "export_folder" << "/media/usb0" << "/media/usb0" << "";
        QTest::newRow("base url") << "web" << "base_url" << "https://passerelle.example.org/" << "https://passerelle.example.org/" << "";
        QTest::newRow("state") << "storage" << "state_directory" << "/srv/passerelle" << "/srv/passerelle" << "";
        QTest::newRow("textfile") << "health" << "textfile" << "/var/lib/node/passerelle.prom" << "/var/lib/node/passerelle.prom" << "";
        QTest::newRow("no textfile") << "health" << "textfile" << "" << "" << "";
        QTest::newRow("min count raised") << "usage" << "min_exported_count" << "10" << "10" << "";
        QTest::newRow("min count 5") << "usage" << "min_exported_count" << "5" << "5" << "";
        QTest::newRow("keys next") << "keys" << "next" << "N" << "N" << "";
        QTest::newRow("keys previous") << "keys" << "previous" << "Up, Backtab, num+8" << "Up, Shift+Tab, Num+8" << "";
        QTest::newRow("keys volume up") << "keys" << "volume-up" << "+, Num+*" << "+, Num+*" << "";

        // bad values: reported, and the default stays
        QTest::newRow("empty name") << "kiosk" << "name" << "" << "Passerelle" << "the name is empty";
        QTest::newRow("latitude range") << "kiosk" << "latitude" << "95" << "unset" << "outside -90..90";
        QTest::newRow("latitude comma") << "kiosk" << "latitude" << "50,4669" << "unset" << "not a number";
        QTest::newRow("language form") << "kiosk" << "languages" << "fr, Arabic" << "" << "\"Arabic\" is not a language code";
        QTest::newRow("language twice") << "kiosk" << "languages" << "fr, ar, fr" << "" << "listed twice";
        QTest::newRow("px per mm text") << "display" << "px_per_mm" << "big" << "3.6" << "not a number";
        QTest::newRow("px per mm range") << "display" << "px_per_mm" << "0.5" << "3.6" << "outside 1..20";
        QTest::newRow("idle reset too short") << "session" << "idle_reset_seconds" << "5" << "30" << "outside 20..600";
        QTest::newRow("idle warning not whole") << "session" << "idle_warning_seconds" << "1.5" << "90" << "not a whole number";
        QTest::newRow("source ftp") << "sync" << "sources" << "ftp://example.org/" << "" << "not an http:// or https:// address";
        QTest::newRow("source relative") << "sync" << "sources" << "packs/namur" << "" << "not an http:// or https:// address";
        QTest::newRow("interval too short") << "sync" << "interval_seconds" << "5" << "3600" << "outside 60..604800";
        QTest::newRow("pack id upper case") << "sync" << "pack_id" << "Namur" << "" << "\"Namur\" is not a pack id";
        QTest::newRow("deadline too short") << "sync" << "request_deadline_seconds" << "1" << "120" << "outside 5..86400";
        QTest::newRow("min rate huge") << "sync" << "min_rate_bytes_per_second" << "1e300" << "2048" << "not a whole number";
        QTest::newRow("https only word") << "sync" << "https_only" << "maybe" << "false" << "not true or false";
        QTest::newRow("redirect url") << "sync" << "redirect_hosts" << "https://cdn.example.org/" << "" << "not a host name";
        QTest::newRow("key short") << "sync" << "trusted_keys" << "RWQf6LRC" << "" << "not a minisign public key";
        QTest::newRow("key file missing") << "sync" << "trusted_keys" << "/nonexistent/key.pub" << "" << "cannot read the key file";
        QTest::newRow("pin in clear") << "staff" << "pin_hash" << "123456" << "" << "not a hash made by passerelle --hash-pin";
        QTest::newRow("export relative") << "staff" << "export_folder" << "usb" << "/media/passerelle-usb" << "not an absolute path";
        QTest::newRow("base url no scheme") << "web" << "base_url" << "passerelle.example.org" << "" << "not an http:// or https:// address";
        QTest::newRow("state dotdot") << "storage" << "state_directory" << "/var/lib/../tmp" << "/var/lib/passerelle" << "contains \"..\"";
        QTest::newRow("textfile not prom") << "health" << "textfile" << "/var/lib/node/passerelle.txt"
                                           << "/var/lib/prometheus/node-exporter/passerelle.prom" << "does not end in .prom";
        // Small counts can only be hidden more, never less.
        QTest::newRow("min count lowered") << "usage" << "min_exported_count" << "2" << "5"
                                           << "2 is below 5: exported counts under 5 could single out a visitor";
        QTest::newRow("min count zero") << "usage" << "min_exported_count" << "0" << "5" << "0 is below 5";
        QTest::newRow("min count text") << "usage" << "min_exported_count" << "few" << "5" << "\"few\" is not a whole number";
        QTest::newRow("min count huge") << "usage" << "min_exported_count" << "5000" << "5" << "outside 5..1000";
        QTest::newRow("keys unknown") << "keys" << "next" << "Ctrl+Alt+Nowhere" << "Down, Right, Tab, Num+2, Num+6"
                                      << "\"Ctrl+Alt+Nowhere\" is not one key";
        QTest::newRow("keys plain digit") << "keys" << "back" << "Esc, 0" << "Esc, Backspace, Num+0"
                                          << "\"0\" is a digit of the main keyboard";
        QTest::newRow("keys empty") << "keys" << "help" << "" << "F1, ?, Num+." << "no key given";
        QTest::newRow("keys last of another") << "keys" << "volume-up" << "-" << "+" << "- is the only key left for volume-down";
    }

    void value()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QFETCH(QString, reason);

        // A good latitude alone would be a cross-key warning: give longitude too.
        QString text = u"# test\n[%1]\n%2 = %3\n"_s.arg(section, key, value);
        if (key == u"latitude" && reason.isEmpty())
            text += u"longitude = 4.8675\n"_s;
        const KioskConfig::Loaded loaded = KioskConfig::parse(text.toUtf8(), u"test.conf"_s);
        QCOMPARE(field(loaded.config, key), expected);
        if (reason.isEmpty()) {
            QCOMPARE(loaded.problems.size(), 0);
        } else {
            QCOMPARE(loaded.problems.size(), 1);
            const Problem &p = loaded.problems.first();
            QCOMPARE(p.file, u"test.conf"_s);
            QCOMPARE(p.line, 3);
            QCOMPARE(p.severity, Problem::Severity::Warning);
            const QString message = p.toString();
            QVERIFY2(message.contains(u"[%1] %2: "_s.arg(section, key)), qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
            QVERIFY2(message.contains(u"using the default"_s), qPrintable(message));
        }
    }

    void missingKeysTakeDefaults()
    {
        const KioskConfig::Loaded loaded = KioskConfig::parse("[kiosk]\nname = Ciney\n", u"x.conf"_s);
        QVERIFY(loaded.problems.isEmpty());
        const KioskConfig defaults;
        QCOMPARE(loaded.config.name, u"Ciney"_s);
        QCOMPARE(loaded.config.pxPerMm, defaults.pxPerMm);
        QCOMPARE(loaded.config.idleResetSeconds, defaults.idleResetSeconds);
        QCOMPARE(loaded.config.stateDirectory, defaults.stateDirectory);
        QCOMPARE(loaded.config.healthTextfile, defaults.healthTextfile);
        QVERIFY(!loaded.config.latitude.has_value());
    }

    void missingFileTakesDefaultsWithOneWarning()
    {
        const KioskConfig::Loaded loaded = KioskConfig::load(u"/nonexistent/passerelle.conf"_s);
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY(loaded.problems.first().toString().contains(u"cannot read the configuration"_s));
        QCOMPARE(loaded.config.name, KioskConfig().name);
    }

    void unknownAndMalformedLines()
    {
        const QByteArray text = "name = outside\n"
                                "[kiosk]\n"
                                "colour = blue\n"
                                "this is not a key\n"
                                "[printer]\n"
                                "[kiosk\n";
        const KioskConfig::Loaded loaded = KioskConfig::parse(text, u"x.conf"_s);
        QStringList messages;
        for (const Problem &p : loaded.problems)
            messages.append(QString::number(p.line) + u' ' + p.message);
        QCOMPARE(messages, (QStringList{u"1 name: the key is outside any [section]"_s,
                                        u"3 [kiosk] colour: unknown key"_s,
                                        u"4 \"this is not a key\" is not a key = value line"_s,
                                        u"5 unknown section [printer]"_s,
                                        u"6 \"[kiosk\" is not a [section] line"_s}));
    }

    void badRepeatKeepsEarlierGoodValue()
    {
        const KioskConfig::Loaded loaded =
            KioskConfig::parse("[display]\npx_per_mm = 4.0\npx_per_mm = huge\n", u"x.conf"_s);
        QCOMPARE(loaded.config.pxPerMm, 4.0);
        QCOMPARE(loaded.problems.size(), 2); // set again, and a bad value
        QVERIFY(loaded.problems.last().toString().contains(u"keeping the value of line 2"_s));
    }

    void crossKeyChecks()
    {
        KioskConfig::Loaded loaded = KioskConfig::parse("[kiosk]\nlatitude = 50.2\n", u"x.conf"_s);
        QVERIFY(!loaded.config.latitude.has_value());
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY(loaded.problems.first().message.contains(u"longitude: missing"_s));

        loaded = KioskConfig::parse("[kiosk]\nlanguages = fr, ar\ndefault_language = uk\n", u"x.conf"_s);
        QCOMPARE(loaded.config.defaultLanguage, u"fr"_s);
        QCOMPARE(loaded.problems.size(), 1);
        QCOMPARE(loaded.problems.first().line, 3);

        loaded = KioskConfig::parse("[sync]\ninterval_seconds = 600\njitter_seconds = 900\n", u"x.conf"_s);
        QCOMPARE(loaded.config.syncJitterSeconds, 600);
        QCOMPARE(loaded.problems.size(), 1);
    }

    // [keys]: a line replaces one action's keys, a bad line is reported and the default stays.
    void keys()
    {
        const QByteArray text = "[keys]\n"
                                "next = N\n"
                                "previous = Ctrl+Alt+Nowhere\n"
                                "home = Backspace, Num+/\n";
        const KioskConfig::Loaded loaded = KioskConfig::parse(text, u"x.conf"_s);
        QStringList messages;
        for (const Problem &p : loaded.problems)
            messages.append(p.toString());
        QCOMPARE(messages, (QStringList{u"x.conf:3: warning: [keys] previous: \"Ctrl+Alt+Nowhere\" is not one key "
                                        "(write keys as Qt names them: Down, Tab, Shift+Tab, Num+2, F1, ?) "
                                        "(using the default)"_s}));
        const KeyMap &keys = loaded.config.keys;
        QCOMPARE(keys.action(Qt::Key_N, Qt::NoModifier, false), KeyAction::Next);
        QCOMPARE(keys.action(Qt::Key_Down, Qt::NoModifier, false), KeyAction::None);
        QCOMPARE(keys.action(Qt::Key_Up, Qt::NoModifier, false), KeyAction::Previous);
        QCOMPARE(keys.action(Qt::Key_Backtab, Qt::ShiftModifier, false), KeyAction::Previous);
        QCOMPARE(keys.action(Qt::Key_8, Qt::KeypadModifier, false), KeyAction::Previous);
        // Backspace moved from back to home; back keeps its other keys.
        QCOMPARE(keys.action(Qt::Key_Backspace, Qt::NoModifier, false), KeyAction::Home);
        QCOMPARE(keys.action(Qt::Key_Escape, Qt::NoModifier, false), KeyAction::Back);
        QCOMPARE(keys.action(Qt::Key_Home, Qt::NoModifier, false), KeyAction::None);

        // No [keys] section: the defaults.
        QVERIFY(KioskConfig::parse("[kiosk]\nname = Ciney\n", u"x.conf"_s).config.keys == KeyMap::defaults());
        // An unknown action is an unknown key.
        const KioskConfig::Loaded unknown = KioskConfig::parse("[keys]\nrepeat = R\n", u"x.conf"_s);
        QCOMPARE(unknown.problems.size(), 1);
        QCOMPARE(unknown.problems.first().message, u"[keys] repeat: unknown key"_s);
    }

    void keyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"editors.pub"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("untrusted comment: minisign public key E7620F1842B4E81F\n") + kKey.toLatin1()
                   + QByteArray("\n"));
        file.close();
        const KioskConfig::Loaded loaded =
            KioskConfig::parse(u"[sync]\ntrusted_keys = %1, %2\n"_s.arg(path, kKey).toUtf8(), u"x.conf"_s);
        QVERIFY(loaded.problems.isEmpty());
        QCOMPARE(loaded.config.trustedKeys, (QStringList{path, kKey}));
    }

    // [audio] output: any name is taken as written (what it matches is AudioOutputChoice's
    // business); the shipped file documents it and leaves it to the system default.
    void audioOutput_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason"); // empty: no problem reported
        QTest::newRow("empty") << "" << "" << "";
        QTest::newRow("default") << "default" << "default" << "";
        QTest::newRow("headset first") << "headset first" << "headset first" << "";
        QTest::newRow("a name") << "USB Audio Analog" << "USB Audio Analog" << "";
        QTest::newRow("french") << "Écouteurs" << "Écouteurs" << "";
        QTest::newRow("too long") << QString(201, u'x') << "" << "longer than 200 characters";
        QTest::newRow("control") << u"USB"_s + QChar(7) << ""
                                 << "contains a control character";
    }

    void audioOutput()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        const KioskConfig::Loaded loaded =
            KioskConfig::parse(u"[audio]\noutput = %1\n"_s.arg(value).toUtf8(), u"passerelle.conf"_s);
        QCOMPARE(loaded.config.audioOutput, expected);
        if (reason.isEmpty()) {
            QVERIFY(loaded.problems.isEmpty());
        } else {
            QCOMPARE(loaded.problems.size(), 1);
            const QString text = loaded.problems.first().toString();
            QVERIFY2(text.contains(u"passerelle.conf:2"_s) && text.contains(u"[audio] output"_s)
                         && text.contains(reason),
                     qPrintable(text));
        }
    }

    void shippedConfigHasAudioOutput()
    {
        QFile file(QStringLiteral(PASSERELLE_DEFAULT_CONFIG));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QRegularExpression(u"\\n\\[audio\\]\\n(#[^\\n]*\\n)*output =\\n"_s)));
        QCOMPARE(KioskConfig::load(QStringLiteral(PASSERELLE_DEFAULT_CONFIG)).config.audioOutput, KioskConfig().audioOutput);
    }

    // The documented default config is the defaults, with nothing to report.
    void shippedConfigIsTheDefaults()
    {
        const KioskConfig::Loaded loaded = KioskConfig::load(QStringLiteral(PASSERELLE_DEFAULT_CONFIG));
        for (const Problem &p : loaded.problems)
            qWarning() << p.toString();
        QVERIFY(loaded.problems.isEmpty());
        const KioskConfig defaults;
        const QStringList keys = {u"name"_s, u"latitude"_s, u"longitude"_s, u"languages"_s, u"default_language"_s,
                                  u"px_per_mm"_s, u"idle_warning_seconds"_s, u"idle_reset_seconds"_s, u"sources"_s,
                                  u"interval_seconds"_s, u"jitter_seconds"_s, u"trusted_keys"_s, u"pin_hash"_s,
                                  u"export_folder"_s, u"base_url"_s, u"state_directory"_s, u"first_pack"_s,
                                  u"textfile"_s, u"health_interval_seconds"_s, u"pack_id"_s, u"usb_mount_parents"_s,
                                  u"request_deadline_seconds"_s, u"min_rate_bytes_per_second"_s,
                                  u"rate_window_seconds"_s, u"https_only"_s, u"redirect_hosts"_s, u"min_exported_count"_s,
                                  u"previous"_s, u"next"_s, u"activate"_s, u"back"_s, u"help"_s, u"home"_s,
                                  u"volume-up"_s, u"volume-down"_s};
        for (const QString &key : keys)
            QCOMPARE(field(loaded.config, key), field(defaults, key));
        QVERIFY(loaded.config.keys == KeyMap::defaults());
    }

    void shippedConfigDocumentsEveryKey()
    {
        QFile file(QStringLiteral(PASSERELLE_DEFAULT_CONFIG));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QString &key : {u"name"_s, u"latitude"_s, u"longitude"_s, u"languages"_s, u"default_language"_s,
                                   u"px_per_mm"_s, u"idle_warning_seconds"_s, u"idle_reset_seconds"_s, u"sources"_s,
                                   u"interval_seconds"_s, u"jitter_seconds"_s, u"trusted_keys"_s, u"pin_hash"_s,
                                   u"export_folder"_s, u"base_url"_s, u"state_directory"_s, u"first_pack"_s,
                                   u"textfile"_s, u"pack_id"_s, u"usb_mount_parents"_s, u"request_deadline_seconds"_s,
                                   u"min_rate_bytes_per_second"_s, u"rate_window_seconds"_s, u"https_only"_s,
                                   u"redirect_hosts"_s, u"min_exported_count"_s, u"previous"_s, u"next"_s,
                                   u"activate"_s, u"back"_s, u"help"_s, u"home"_s, u"volume-up"_s, u"volume-down"_s})
            QVERIFY2(text.contains(QRegularExpression(u"\\n#?"_s + key + u" ="_s)), qPrintable(key));
    }
};

QTEST_GUILESS_MAIN(TestKioskConfig)
#include "tst_kioskconfig.moc"
