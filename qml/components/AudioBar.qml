import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// Listen to the page: play, pause or resume, repeat, stop, and volume in large steps.
// Where the pack has no audio in this language, it says so instead of a silent button.
Row {
    id: root
    required property var files
    readonly property bool hasAudio: Narrator.canSpeak(files)
    // Touches on these controls do not interrupt speech (see TouchWatcher).
    property bool keepsSpeech: true
    spacing: Theme.gap

    NavigationButton {
        objectName: "audioPlay"
        labelId: "listen"
        speaks: false
        visible: root.hasAudio && !Narrator.speaking
        pictogramName: "play"
        //: Audio: read the whole page aloud
        text: qsTr("Listen")
        onClicked: Narrator.play(root.files, 0, false)
    }
    NavigationButton {
        objectName: "audioPause"
        labelId: Narrator.paused ? "continue" : "pause"
        speaks: false
        visible: Narrator.speaking
        pictogramName: Narrator.paused ? "play" : "pause"
        text: Narrator.paused ? qsTr("Continue") : qsTr("Pause")
        onClicked: Narrator.paused ? Narrator.resume() : Narrator.pause()
    }
    NavigationButton {
        objectName: "audioRepeat"
        labelId: "repeat"
        speaks: false
        visible: Narrator.speaking
        pictogramName: "repeat"
        text: qsTr("Repeat")
        onClicked: Narrator.repeat()
    }
    NavigationButton {
        objectName: "audioStop"
        labelId: "stop"
        speaks: false
        visible: Narrator.speaking
        pictogramName: "stop"
        text: qsTr("Stop")
        onClicked: Narrator.stop()
    }
    NavigationButton {
        objectName: "volumeDown"
        labelId: "quieter"
        visible: root.hasAudio
        pictogramName: "volume-down"
        speaks: false
        //: Audio: quieter
        text: qsTr("Quieter")
        enabled: Narrator.canVolumeDown
        opacity: enabled ? 1 : 0.4
        onClicked: Narrator.volumeDown()
    }
    NavigationButton {
        objectName: "volumeUp"
        labelId: "louder"
        visible: root.hasAudio
        pictogramName: "volume-up"
        speaks: false
        //: Audio: louder
        text: qsTr("Louder")
        enabled: Narrator.canVolumeUp
        opacity: enabled ? 1 : 0.4
        onClicked: Narrator.volumeUp()
    }
    Row {
        objectName: "noAudio"
        visible: !root.hasAudio
        spacing: Theme.gap
        Pictogram { name: "no-audio" }
        KioskText {
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.textMuted
            //: Shown instead of the play button when a language has no audio
            text: qsTr("No audio in this language.")
        }
    }
}
