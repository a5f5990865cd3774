// Which sound output [audio] output chooses, from lists of outputs as PulseAudio and
// PipeWire describe them through Qt Multimedia (QAudioDevice id and description).
#include "audiooutputchoice.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

// A kiosk's built-in card, as PulseAudio (and PipeWire's pipewire-pulse) name it.
const AudioOutputInfo kBuiltIn{"alsa_output.pci-0000_00_1f.3.analog-stereo", u"Built-in Audio Analog Stereo"_s, true};
const AudioOutputInfo kHdmi{"alsa_output.pci-0000_00_1f.3.hdmi-stereo", u"Built-in Audio Digital Stereo (HDMI)"_s, false};
const AudioOutputInfo kUsbHeadset{"alsa_output.usb-Logitech_USB_Headset-00.analog-stereo",
                                  u"Logitech USB Headset Analog Stereo"_s, false};
const AudioOutputInfo kJabra{"alsa_output.usb-GN_Netcom_A_S_Jabra_EVOLVE_20-00.mono-fallback",
                             u"Jabra EVOLVE 20 MS Mono"_s, false};
const AudioOutputInfo kHeadphones{"alsa_output.usb-C-Media_USB_Headphone_Set-00.analog-stereo",
                                  u"USB Headphone Set Analog Stereo"_s, false};
const AudioOutputInfo kCasque{"bluez_sink.00_1B_66_AA_BB_CC.a2dp_sink", u"Casque Bluetooth"_s, false};

} // namespace

class TestAudioOutputChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mode_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<int>("mode");
        QTest::newRow("empty") << "" << int(AudioOutputChoice::Mode::Default);
        QTest::newRow("blank") << "   " << int(AudioOutputChoice::Mode::Default);
        QTest::newRow("default") << "default" << int(AudioOutputChoice::Mode::Default);
        QTest::newRow("Default") << "Default" << int(AudioOutputChoice::Mode::Default);
        QTest::newRow("headset first") << "headset first" << int(AudioOutputChoice::Mode::HeadsetFirst);
        QTest::newRow("Headset  First") << " Headset  First " << int(AudioOutputChoice::Mode::HeadsetFirst);
        QTest::newRow("headset-first") << "headset-first" << int(AudioOutputChoice::Mode::HeadsetFirst);
        QTest::newRow("headset_first") << "headset_first" << int(AudioOutputChoice::Mode::HeadsetFirst);
        QTest::newRow("headset") << "headset" << int(AudioOutputChoice::Mode::Named);
        QTest::newRow("a name") << "USB Audio" << int(AudioOutputChoice::Mode::Named);
    }

    void mode()
    {
        QFETCH(QString, configured);
        QFETCH(int, mode);
        QCOMPARE(int(AudioOutputChoice(configured).mode()), mode);
    }

    void looksLikeHeadset_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<bool>("headset");
        QTest::newRow("built-in") << "Built-in Audio Analog Stereo" << false;
        QTest::newRow("hdmi") << "Built-in Audio Digital Stereo (HDMI)" << false;
        QTest::newRow("usb audio") << "USB Audio Analog Stereo" << false;
        QTest::newRow("dummy") << "Dummy Output" << false;
        QTest::newRow("usb headset") << "Logitech USB Headset Analog Stereo" << true;
        QTest::newRow("test headset") << "USB-Headset" << true;
        QTest::newRow("headphones") << "Headphones" << true;
        QTest::newRow("headphone set") << "USB Headphone Set Analog Stereo" << true;
        QTest::newRow("HEADSET") << "PLANTRONICS HEADSET" << true;
        QTest::newRow("earphones") << "Earphones" << true;
        QTest::newRow("earbuds") << "Galaxy Earbuds" << true;
        QTest::newRow("casque") << "Casque Bluetooth" << true;
        QTest::newRow("écouteurs") << "Écouteurs" << true;
        QTest::newRow("ecouteurs") << "ecouteurs USB" << true;
    }

    void looksLikeHeadset()
    {
        QFETCH(QString, description);
        QFETCH(bool, headset);
        QCOMPARE(AudioOutputChoice::looksLikeHeadset(description), headset);
    }

    void choose_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QList<AudioOutputInfo>>("outputs");
        QTest::addColumn<int>("chosen");
        QTest::addColumn<QString>("warning"); // a part of it; empty: none

        const QList<AudioOutputInfo> speakerOnly{kBuiltIn};
        const QList<AudioOutputInfo> withHeadset{kHdmi, kBuiltIn, kUsbHeadset};

        QTest::newRow("default, one") << "" << speakerOnly << 0 << "";
        QTest::newRow("default, headset present") << "default" << withHeadset << 1 << "";
        QTest::newRow("default, none marked") << "" << QList<AudioOutputInfo>{kJabra, kUsbHeadset} << 0 << "";
        QTest::newRow("nothing") << "headset first" << QList<AudioOutputInfo>{} << -1 << "";
        QTest::newRow("headset first, none") << "headset first" << QList<AudioOutputInfo>{kHdmi, kBuiltIn} << 1 << "";
        QTest::newRow("headset first, usb headset") << "headset first" << withHeadset << 2 << "";
        QTest::newRow("headset first, headphones") << "headset first" << QList<AudioOutputInfo>{kHeadphones, kBuiltIn}
                                                   << 0 << "";
        QTest::newRow("headset first, first of two") << "headset first"
                                                     << QList<AudioOutputInfo>{kBuiltIn, kCasque, kUsbHeadset} << 1 << "";
        AudioOutputInfo defaultHeadset = kUsbHeadset;
        defaultHeadset.isDefault = true;
        AudioOutputInfo builtInNotDefault = kBuiltIn;
        builtInNotDefault.isDefault = false;
        QTest::newRow("headset first, the default is a headset")
            << "headset first" << QList<AudioOutputInfo>{builtInNotDefault, kCasque, defaultHeadset} << 2 << "";
        // No headset word in its name: only its name chooses it.
        QTest::newRow("headset first, Jabra") << "headset first" << QList<AudioOutputInfo>{kBuiltIn, kJabra} << 0 << "";
        QTest::newRow("named, Jabra") << "jabra" << QList<AudioOutputInfo>{kBuiltIn, kJabra} << 1 << "";
        QTest::newRow("named, HDMI") << "hdmi" << withHeadset << 0 << "";
        QTest::newRow("named, by sink name") << "alsa_output.pci-0000_00_1f.3.hdmi-stereo"
                                             << QList<AudioOutputInfo>{kBuiltIn, kHdmi} << 1 << "";
        QTest::newRow("named, absent")
            << "Jabra" << withHeadset << 1
            << "[audio] output: no sound output's name contains \"Jabra\" (outputs seen: \"Built-in Audio Digital "
               "Stereo (HDMI)\", \"Built-in Audio Analog Stereo\", \"Logitech USB Headset Analog Stereo\"); "
               "using the system default, \"Built-in Audio Analog Stereo\"";
    }

    void choose()
    {
        QFETCH(QString, configured);
        QFETCH(QList<AudioOutputInfo>, outputs);
        QFETCH(int, chosen);
        QFETCH(QString, warning);
        const AudioOutputChoice::Result result = AudioOutputChoice(configured).choose(outputs);
        QCOMPARE(int(result.index), chosen);
        if (warning.isEmpty())
            QCOMPARE(result.warning, QString());
        else
            QCOMPARE(result.warning, warning);
    }
};

QTEST_GUILESS_MAIN(TestAudioOutputChoice)
#include "tst_audiooutputchoice.moc"
