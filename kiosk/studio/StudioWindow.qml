pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import Passerelle.Studio

// passerelle --record: one text at a time, in the language and in French, and the few
// buttons of the moment. The studio's words are French and plain strings (not qsTr: every
// qsTr string is a kiosk label that interpreters would have to record).
Window {
    id: root
    required property RecordingStudio studio

    readonly property bool ready: studio.phase === RecordingStudio.Ready
    readonly property bool recording: studio.phase === RecordingStudio.Recording
    readonly property bool reviewing: studio.phase === RecordingStudio.Reviewing
    readonly property bool finished: studio.phase === RecordingStudio.Finished

    title: "Passerelle — studio d'enregistrement (" + studio.languageName + ")"
    color: "#f4f1ea"

    Shortcut {
        sequences: ["Space"]
        onActivated: root.recording ? root.studio.stop() : root.studio.record()
    }

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 24 }
        spacing: 8

        Text {
            objectName: "progressText"
            text: root.studio.progressText + "  ·  " + root.studio.minutesText
            font.pixelSize: 28
            color: "#333"
        }
        Rectangle {
            width: parent.width
            height: 16
            radius: 8
            color: "#ddd8cc"
            Rectangle {
                width: parent.width * root.studio.progress
                height: parent.height
                radius: 8
                color: "#2e7d32"
            }
        }
    }

    // The text to say, large, in its language and direction; the French beside it.
    Row {
        id: texts
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: message.top; margins: 24 }
        spacing: 24
        visible: !root.finished

        Column {
            width: parent.width * 0.62
            spacing: 12
            Text {
                objectName: "codeText"
                text: root.studio.code
                font.pixelSize: 26
                color: "#666"
            }
            Text {
                objectName: "unitText"
                width: parent.width
                text: root.studio.text
                font.family: root.studio.fontFamily
                font.pixelSize: 56
                wrapMode: Text.Wrap
                horizontalAlignment: root.studio.rightToLeft ? Text.AlignRight : Text.AlignLeft
                LayoutMirroring.enabled: root.studio.rightToLeft
                color: "black"
            }
        }
        Column {
            width: parent.width * 0.38 - parent.spacing
            spacing: 12
            Text {
                text: "En français"
                font.pixelSize: 26
                color: "#666"
            }
            Text {
                objectName: "frenchText"
                width: parent.width
                text: root.studio.french
                font.pixelSize: 32
                wrapMode: Text.Wrap
                color: "#444"
            }
        }
    }

    Text {
        anchors.centerIn: parent
        visible: root.finished
        text: root.studio.message
        font.pixelSize: 44
        width: parent.width - 48
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }

    // What to do now, and what is wrong with the take.
    Column {
        id: message
        anchors { left: parent.left; right: parent.right; bottom: buttons.top; margins: 24 }
        spacing: 8
        visible: !root.finished
        Text {
            objectName: "messageText"
            width: parent.width
            text: root.studio.message
            font.pixelSize: 30
            wrapMode: Text.Wrap
        }
        Repeater {
            model: root.studio.problems
            Text {
                required property string modelData
                text: "⚠ " + modelData
                font.pixelSize: 30
                font.bold: true
                color: "#b3261e"
            }
        }
        // The microphone's level while recording: the person sees that it hears them.
        Rectangle {
            visible: root.recording
            width: parent.width
            height: 24
            radius: 12
            color: "#ddd8cc"
            Rectangle {
                width: parent.width * Math.min(1, Math.sqrt(root.studio.level) * 2)
                height: parent.height
                radius: 12
                color: "#c62828"
            }
        }
    }

    // The buttons of the moment, sharing the window's width (a laptop's too).
    Row {
        id: buttons
        readonly property int count: root.reviewing ? (root.studio.canKeep ? 4 : 2) : 2
        readonly property real buttonWidth: (width - spacing * (count - 1)) / count
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 24 }
        spacing: 24
        visible: !root.finished

        StudioButton {
            objectName: "recordButton"
            visible: root.ready
            text: "● Enregistrer"
            tint: "#c62828"
            width: buttons.buttonWidth
            onClicked: root.studio.record()
        }
        StudioButton {
            objectName: "stopButton"
            visible: root.recording
            text: "■ Arrêter"
            tint: "#444"
            width: buttons.buttonWidth
            onClicked: root.studio.stop()
        }
        StudioButton {
            objectName: "keepButton"
            visible: root.reviewing && root.studio.canKeep
            text: "✔ Garder"
            tint: "#2e7d32"
            width: buttons.buttonWidth
            onClicked: root.studio.keep()
        }
        StudioButton {
            objectName: "againButton"
            visible: root.reviewing
            text: "↻ Recommencer"
            tint: "#c62828"
            width: buttons.buttonWidth
            onClicked: root.studio.again()
        }
        StudioButton {
            objectName: "listenButton"
            visible: root.reviewing && root.studio.canKeep
            text: "▶ Réécouter"
            tint: "#1f5fa8"
            width: buttons.buttonWidth
            onClicked: root.studio.listen()
        }
        StudioButton {
            objectName: "skipButton"
            visible: !root.recording
            text: "Passer"
            tint: "#6d6d6d"
            width: buttons.buttonWidth
            onClicked: root.studio.skip()
        }
    }
}
