// The AIP-155 request id of `ctrade datasets create`, derived from what the command sends, so
// that running the very same command again after a lost reply (the server died right after it
// committed) gets the dataset the first run made instead of ALREADY_EXISTS.
#ifndef CULTURETRADE_CLIENT_CTRADE_CREATE_REQUEST_ID_H_
#define CULTURETRADE_CLIENT_CTRADE_CREATE_REQUEST_ID_H_

#include <string>
#include <utility>
#include <vector>

#include "client/ctrade/command_line.h"
#include "culturetrade/v1/dataset_service.pb.h"

namespace culturetrade::ctrade {

// The --request-id of `args` if given, else an id, shaped as a UUID, of the create in `header`
// (its dataset id, title, description and exchange rates), of the options of `args` named in
// `reading` (which say how the file is read; where the server is and how to print do not
// count) and of the flow file of --csv: the file's device, inode, size and
// modification time stand for its content, which is not read twice for this. A file changed
// since makes another id, so that a create of a name taken then fails as it should. Standard
// input (-) has no such identity, nor has a file that cannot be read (whose upload then fails
// with the reader's error): their creates get a random id, which only the retries of one run
// share.
std::string CreateRequestId(const v1::UploadFlowsHeader& header, const CommandLine& args,
                            const std::vector<std::pair<std::string, std::string>>& reading);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_CREATE_REQUEST_ID_H_
