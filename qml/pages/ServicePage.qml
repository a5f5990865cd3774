pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// One service on its own (route service/<id>): its name as the title, and the card a
// page shows: address, phones, opening hours and the QR code of the contact.
Item {
    id: root
    required property string serviceId

    ServiceModel {
        id: service
        content: Content
        language: Session.language
        serviceId: root.serviceId
    }

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        pictogram: "map-pin"
        text: service.name
        speech: service.nameAudio
    }

    // A long card (many opening hours, large text on a small screen) scrolls.
    Flickable {
        id: card
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        contentHeight: cards.height

        Column {
            id: cards
            width: card.width
            Repeater {
                model: service
                delegate: BlockView {
                    required property var model
                    objectName: "serviceCard"
                    width: cards.width
                    block: model
                    index: -1
                }
            }
        }
    }
}
