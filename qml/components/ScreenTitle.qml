import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The title of a screen, with its pictogram. Where the title can be heard, a speaker
// shows it, and a touch on the title says it.
Item {
    id: root
    objectName: "screenTitle"
    property string pictogram
    property string text
    // The id of the kiosk's label shown as the title: the slug of its qsTr source
    // ("what-do-you-need"), never the text shown (see Content.labelAudio).
    property string labelId
    // The title spoken: by default the kiosk's label from the pack; screens whose title is
    // content (a topic, a page) give its audio file.
    property string speech: labelId.length > 0 ? Content.labelAudio(labelId, Session.language) : ""
    readonly property bool audible: speech.length > 0

    implicitHeight: Math.max(row.implicitHeight, audible ? Theme.touchTarget : 0)

    Row {
        id: row
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        spacing: Theme.gap

        Pictogram { name: root.pictogram; visible: root.pictogram.length > 0 }
        KioskText {
            width: row.width - (root.pictogram.length > 0 ? Theme.pictogramSize + Theme.gap : 0)
                   - (root.audible ? Theme.pictogramSize + Theme.gap : 0)
            anchors.verticalCenter: parent.verticalCenter
            text: root.text
            font.pixelSize: Theme.titleSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: root.text
        }
        Pictogram { name: "speaker"; visible: root.audible; anchors.verticalCenter: parent.verticalCenter }
    }

    MouseArea {
        objectName: "hearTitle"
        anchors.fill: parent
        visible: root.audible
        Accessible.role: Accessible.Button
        Accessible.name: root.text
        onClicked: Narrator.say([root.speech])
    }
}
