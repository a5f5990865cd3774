pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The screen nobody is using: "welcome" in every language in turn, and a tapping
// finger. Silent until touched; a touch anywhere says the greeting shown, in its
// language, and starts.
Item {
    id: root

    LanguageListModel {
        id: languages
        content: Content
        language: Session.language
    }

    property int shown: 0

    Timer {
        interval: 2500
        running: languages.count > 1
        repeat: true
        onTriggered: root.shown = (root.shown + 1) % languages.count
    }

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin

        Text {
            id: greeting
            objectName: "greeting"
            width: parent.width
            readonly property var language: languages.count > 0 ? languages.get(root.shown) : ({})
            text: language.greeting ?? ""
            font.family: language.fontFamily ?? Theme.fontFamily
            font.pixelSize: Theme.titleSize * 2
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignHCenter
            Accessible.ignored: true
        }
        Pictogram {
            anchors.horizontalCenter: parent.horizontalCenter
            name: "touch"
            size: Theme.tilePictogramSize * 2
        }
    }

    // A touch anywhere: choose a language.
    MouseArea {
        objectName: "attractArea"
        anchors.fill: parent
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Touch the screen to start")
        onClicked: {
            Narrator.say([greeting.language.greetingAudio ?? ""])
            Navigator.start()
        }
    }
}
