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
        labelId: "what-do-you-need"
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
                pictogramName: pictogram
                text: title
                speech: audio
                onClicked: Navigator.go("topic/" + topicId)
            }
        }
    }

    // Display modes, reachable without reading: pictogram toggles.
    Row {
        anchors { right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        spacing: Theme.gap

        PictogramButton {
            objectName: "largeTextToggle"
            pictogramName: "large-text"
            //: Toggle: bigger text
            text: qsTr("Bigger text")
            labelId: "bigger-text"
            checkable: true
            checked: Session.largeText
            fill: checked ? Theme.accent : Theme.surface
            ink: checked ? Theme.accentInk : Theme.text
            onClicked: Session.largeText = !Session.largeText
        }
        PictogramButton {
            objectName: "contrastToggle"
            pictogramName: "high-contrast"
            //: Toggle: high-contrast colours
            text: qsTr("Contrast")
            labelId: "contrast"
            checkable: true
            checked: Session.highContrast
            fill: checked ? Theme.accent : Theme.surface
            ink: checked ? Theme.accentInk : Theme.text
            onClicked: Session.highContrast = !Session.highContrast
        }
    }

    PictogramButton {
        id: statusButton
        objectName: "statusButton"
        anchors { left: parent.left; bottom: parent.bottom; margins: Theme.margin }
        pictogramName: "unknown-paper"
        //: Button on the home screen: choose which residence document you hold
        text: qsTr("Which paper do you have?")
        labelId: "which-paper-do-you-have"
        onClicked: Navigator.go("status")
    }
}
