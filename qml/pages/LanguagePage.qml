pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// Every language by its own name, in its own script. No flags: flags are countries.
Item {
    id: root

    Grid {
        id: grid
        anchors { fill: parent; margins: Theme.margin }
        columns: 4
        spacing: Theme.gap
        readonly property int tileWidth: (width - (columns - 1) * spacing) / columns

        Repeater {
            model: LanguageListModel { content: Content; language: Session.language }
            delegate: PictogramButton {
                id: button
                required property string code
                required property string endonym
                required property string fontFamily
                objectName: "language_" + code
                width: grid.tileWidth
                height: Theme.touchTarget * 2
                text: endonym
                checked: code === Session.language
                fill: checked ? Theme.accent : Theme.surface
                ink: checked ? Theme.onAccent : Theme.text
                contentItem: Text {
                    text: button.endonym
                    font.family: button.fontFamily
                    font.pixelSize: Theme.titleSize
                    color: button.ink
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                onClicked: {
                    Session.language = code
                    Navigator.back()
                }
            }
        }
    }
}
