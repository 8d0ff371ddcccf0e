// A range over a paged list that fetches each page only when the previous one is used up.
//
// Iterating yields absl::StatusOr<T>: the items, then, if a page could not be fetched, that
// error once, and the range ends. Single pass, like an input iterator.
#ifndef CULTURETRADE_CLIENT_PAGINATED_RANGE_H_
#define CULTURETRADE_CLIENT_PAGINATED_RANGE_H_

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace culturetrade {

template <typename T>
class PaginatedRange {
  struct State;  // declared ahead: iterator holds one

 public:
  struct Page {
    std::vector<T> items;
    std::string next_page_token;  // empty on the last page
  };
  using FetchPage = std::function<absl::StatusOr<Page>(const std::string& page_token)>;

  explicit PaginatedRange(FetchPage fetch) : state_(std::make_shared<State>(std::move(fetch))) {}

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = absl::StatusOr<T>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;

    reference operator*() const { return state_->current; }
    pointer operator->() const { return &state_->current; }
    iterator& operator++() {
      state_->Advance();
      return *this;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.AtEnd() == b.AtEnd(); }
    friend bool operator!=(const iterator& a, const iterator& b) { return !(a == b); }

   private:
    friend class PaginatedRange;
    explicit iterator(std::shared_ptr<State> state) : state_(std::move(state)) {}
    bool AtEnd() const { return state_ == nullptr || state_->done; }
    std::shared_ptr<State> state_;
  };

  // The first page is fetched here, not when the range is made.
  iterator begin() {
    if (!state_->started) state_->Advance();
    return iterator(state_);
  }
  iterator end() { return iterator(nullptr); }

 private:
  struct State {
    explicit State(FetchPage f) : fetch(std::move(f)) {}
    void Advance() {
      started = true;
      if (!current.ok()) {  // the error was yielded once; stop
        done = true;
        return;
      }
      while (index >= page.items.size()) {
        if (fetched_any && token.empty()) {
          done = true;
          return;
        }
        absl::StatusOr<Page> next = fetch(token);
        fetched_any = true;
        if (!next.ok()) {
          current = next.status();
          return;
        }
        page = *std::move(next);
        token = page.next_page_token;
        index = 0;
      }
      current = std::move(page.items[index++]);
    }

    FetchPage fetch;
    Page page;
    std::string token;
    size_t index = 0;
    bool started = false, fetched_any = false, done = false;
    absl::StatusOr<T> current = T();
  };
  std::shared_ptr<State> state_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_PAGINATED_RANGE_H_
