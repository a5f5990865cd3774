pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The four topics as large pictogram tiles, and the visitor's residence paper.
Item {
    id: root

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        //: Home screen question above the four topics
        text: qsTr("What do you need?")
    }

    Grid {
        id: grid
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: statusButton.top; margins: Theme.margin }
        columns: 2
        spacing: Theme.gap
        readonly property int tileWidth: (width - spacing) / 2
        readonly property int tileHeight: (height - spacing) / 2

        Repeater {
            model: TopicListModel { content: Content; language: Session.language }
            delegate: PictogramButton {
                required property string topicId
                required property string title
                required property string pictogram
                required property string audio
                objectName: "topic_" + topicId
                width: grid.tileWidth
                height: grid.tileHeight
                stacked: true
                // On a short screen the pictogram gives way to the label (two lines in large text).
                pictogramSize: Math.max(Theme.mm(12), Math.min(Theme.tilePictogramSize, height - 2 * padding - Theme.mm(3) - labelHeight))
                pictogramName: pictogram
                text: title
                speech: audio
                onClicked: Navigator.go("topic/" + topicId)
            }
        }
    }

    PictogramButton {
        id: statusButton
        objectName: "statusButton"
        anchors { left: parent.left; bottom: parent.bottom; margins: Theme.margin }
        pictogramName: "unknown-paper"
        //: Button on the home screen: choose which residence document you hold
        text: qsTr("Which paper do you have?")
        onClicked: Navigator.go("status")
    }
}
